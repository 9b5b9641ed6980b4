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

// Order is what the orders API returns.
type Order struct {
	ID       string `json:"id"`
	Item     string `json:"item"`
	Quantity int    `json:"quantity"`
	Status   string `json:"status"`
}

// newOrder is the body POST /orders accepts.
type newOrder struct {
	Item     string `json:"item"`
	Quantity int    `json:"quantity"`
}

// errInvalidOrder is the cause when a body decodes but makes no sense.
var errInvalidOrder = errors.New("invalid order")

// orders stands in for the table a real API would read.
var orders = map[string]Order{
	"ord-1001": {ID: "ord-1001", Item: "espresso beans 1 kg", Quantity: 2, Status: "shipped"},
	"ord-1002": {ID: "ord-1002", Item: "pour-over kettle", Quantity: 1, Status: "pending"},
}

// OrdersAPI serves an API Gateway REST API through a Lambda proxy
// integration: API Gateway passes the whole HTTP request as the event and
// sends back the StatusCode, Headers and Body the handler returns.
//
// Returning an error instead of a response is what POST /orders does with a
// body it cannot read, so the lab can show the consequence: API Gateway
// answers the client "502 Internal server error" and the cause is only in
// the logs. Production code would answer 400 with a message instead.
func OrdersAPI(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	Logf(ctx, "%s %s (API Gateway request %s)", req.HTTPMethod, req.Path, req.RequestContext.RequestID)
	switch route := req.HTTPMethod + " " + req.Resource; route {
	case "GET /orders/{id}":
		id := req.PathParameters["id"]
		order, ok := orders[id]
		if !ok {
			return jsonResponse(http.StatusNotFound, map[string]string{"message": "order " + id + " not found"})
		}
		return jsonResponse(http.StatusOK, order)
	case "POST /orders":
		in, err := decodeNewOrder(req)
		if err != nil {
			return events.APIGatewayProxyResponse{}, fmt.Errorf("POST /orders (request %s): %w", req.RequestContext.RequestID, err)
		}
		id := req.RequestContext.RequestID
		if len(id) > 8 {
			id = id[:8]
		}
		order := Order{ID: "ord-" + id, Item: in.Item, Quantity: in.Quantity, Status: "pending"}
		Logf(ctx, "created order %s: %d x %s", order.ID, order.Quantity, order.Item)
		return jsonResponse(http.StatusCreated, order)
	default:
		return jsonResponse(http.StatusNotFound, map[string]string{"message": "no route for " + req.HTTPMethod + " " + req.Path})
	}
}

// decodeNewOrder reads the request body, which API Gateway base64-encodes
// when the content is binary.
func decodeNewOrder(req events.APIGatewayProxyRequest) (newOrder, error) {
	body := []byte(req.Body)
	if req.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(req.Body)
		if err != nil {
			return newOrder{}, fmt.Errorf("body is not valid base64: %w", err)
		}
		body = b
	}
	var in newOrder
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return newOrder{}, fmt.Errorf("invalid body: %w", err)
	}
	switch {
	case in.Item == "":
		return newOrder{}, fmt.Errorf("%w: item is empty", errInvalidOrder)
	case in.Quantity < 1:
		return newOrder{}, fmt.Errorf("%w: quantity %d is below 1", errInvalidOrder, in.Quantity)
	}
	return in, nil
}

func jsonResponse(status int, v any) (events.APIGatewayProxyResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayProxyResponse{}, fmt.Errorf("encoding the %d response: %w", status, err)
	}
	return events.APIGatewayProxyResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(body),
	}, nil
}
