package handlers

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
)

// feedback is the body POST /feedback accepts.
type feedback struct {
	Rating  int    `json:"rating"`
	Comment string `json:"comment"`
}

// errInvalidFeedback is the cause when a body decodes but makes no sense.
var errInvalidFeedback = errors.New("invalid feedback")

// Feedback serves a Lambda function URL. The event is API Gateway's payload
// format version 2.0: the method and path are in requestContext.http, the
// cookies in their own list, and requestContext.authorizer.iam names the
// caller only when the URL's auth type is AWS_IAM (with NONE it is absent).
//
// Unlike the orders API it never returns an error for a bad request: the
// client's mistake is answered 400 with a message it can act on, and the
// reason is logged. An error is kept for what the client cannot fix.
func Feedback(ctx context.Context, req events.LambdaFunctionURLRequest) (events.LambdaFunctionURLResponse, error) {
	h := req.RequestContext.HTTP
	Logf(ctx, "%s %s from %s (request %s)", h.Method, h.Path, caller(req), req.RequestContext.RequestID)
	switch h.Method + " " + h.Path {
	case "GET /":
		return urlJSON(http.StatusOK, map[string]string{"message": "hello, " + caller(req)}, nil)
	case "POST /feedback":
		in, err := decodeFeedback(req)
		if err != nil {
			Logf(ctx, "rejected: %v", err)
			return urlJSON(http.StatusBadRequest, map[string]string{"message": err.Error()}, nil)
		}
		Logf(ctx, "feedback %d/5: %q (cookies %v)", in.Rating, in.Comment, req.Cookies)
		// Cookies go in their own field; Lambda turns each into a
		// set-cookie header.
		return urlJSON(http.StatusCreated, map[string]int{"rating": in.Rating}, []string{"feedback=sent; Max-Age=86400"})
	default:
		return urlJSON(http.StatusNotFound, map[string]string{"message": "no route for " + h.Method + " " + h.Path}, nil)
	}
}

// caller is the IAM identity that signed the request, or "anonymous" when
// the function URL's auth type is NONE.
func caller(req events.LambdaFunctionURLRequest) string {
	if a := req.RequestContext.Authorizer; a != nil && a.IAM != nil && a.IAM.UserARN != "" {
		return a.IAM.UserARN
	}
	return "anonymous"
}

// decodeFeedback reads the request body, which Lambda base64-encodes when
// the content is binary.
func decodeFeedback(req events.LambdaFunctionURLRequest) (feedback, error) {
	body := []byte(req.Body)
	if req.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(req.Body)
		if err != nil {
			return feedback{}, fmt.Errorf("body is not valid base64: %w", err)
		}
		body = b
	}
	var in feedback
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return feedback{}, fmt.Errorf("invalid body: %w", err)
	}
	if in.Rating < 1 || in.Rating > 5 {
		return feedback{}, fmt.Errorf("%w: rating %d is not between 1 and 5", errInvalidFeedback, in.Rating)
	}
	return in, nil
}

func urlJSON(status int, v any, cookies []string) (events.LambdaFunctionURLResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.LambdaFunctionURLResponse{}, fmt.Errorf("encoding the %d response: %w", status, err)
	}
	return events.LambdaFunctionURLResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(body),
		Cookies:    cookies,
	}, nil
}
