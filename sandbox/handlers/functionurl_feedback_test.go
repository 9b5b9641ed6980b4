package handlers

import (
	"bytes"
	"context"
	"errors"
	"log"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

func urlRequest(method, path, body string, iam *events.LambdaFunctionURLRequestContextAuthorizerIAMDescription) events.LambdaFunctionURLRequest {
	req := events.LambdaFunctionURLRequest{Version: "2.0", RawPath: path, Body: body}
	req.RequestContext.RequestID = "r1"
	req.RequestContext.HTTP = events.LambdaFunctionURLRequestContextHTTPDescription{Method: method, Path: path}
	if iam != nil {
		req.RequestContext.Authorizer = &events.LambdaFunctionURLRequestContextAuthorizerDescription{IAM: iam}
	}
	return req
}

// A bad request is the client's to fix: 400 with the reason, never an error.
func TestFeedbackAnswersBadRequests(t *testing.T) {
	var logs bytes.Buffer
	ctx := WithLogger(context.Background(), log.New(&logs, "", 0))
	cases := []struct {
		req    events.LambdaFunctionURLRequest
		status int
		body   string // substring of the response body
	}{
		{urlRequest("POST", "/feedback", `{"rating": 5, "comment": "fast"}`, nil), 201, `{"rating":5}`},
		{urlRequest("POST", "/feedback", `{"rating": 9}`, nil), 400, "rating 9 is not between 1 and 5"},
		{urlRequest("POST", "/feedback", `{"stars": 3}`, nil), 400, `unknown field \"stars\"`},
		{urlRequest("GET", "/", "", nil), 200, "hello, anonymous"},
		{urlRequest("GET", "/", "", &events.LambdaFunctionURLRequestContextAuthorizerIAMDescription{UserARN: "arn:aws:iam::111122223333:user/ana"}), 200, "hello, arn:aws:iam::111122223333:user/ana"},
		{urlRequest("DELETE", "/feedback", "", nil), 404, "no route for DELETE /feedback"},
	}
	for _, c := range cases {
		resp, err := Feedback(ctx, c.req)
		if err != nil || resp.StatusCode != c.status || !strings.Contains(resp.Body, c.body) {
			t.Errorf("%s %s: %d %s, %v; want %d with %q", c.req.RequestContext.HTTP.Method, c.req.RawPath, resp.StatusCode, resp.Body, err, c.status, c.body)
		}
	}
	if !strings.Contains(logs.String(), "rejected: invalid feedback: rating 9") {
		t.Errorf("the reason of a 400 is not logged: %s", logs.String())
	}
	// The cause is kept for errors.Is.
	if _, err := decodeFeedback(urlRequest("POST", "/feedback", `{"rating": 0}`, nil)); !errors.Is(err, errInvalidFeedback) {
		t.Errorf("decodeFeedback: %v", err)
	}
}

// Cookies go back in the response's own field, which Lambda turns into
// set-cookie headers.
func TestFeedbackSetsACookie(t *testing.T) {
	resp, err := Feedback(context.Background(), urlRequest("POST", "/feedback", `{"rating": 4}`, nil))
	if err != nil || len(resp.Cookies) != 1 || !strings.HasPrefix(resp.Cookies[0], "feedback=sent") {
		t.Errorf("cookies %v, %v", resp.Cookies, err)
	}
}
