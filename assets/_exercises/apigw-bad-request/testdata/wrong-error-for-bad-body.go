// fails: bad-json-400
package main

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/aws/aws-lambda-go/events"
)

// A bad body returns an error: the client gets a 502, not a 400.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var o struct {
		OrderID  string `json:"orderId"`
		Quantity int    `json:"quantity"`
	}
	if err := json.Unmarshal([]byte(req.Body), &o); err != nil {
		return events.APIGatewayProxyResponse{}, err
	}
	if o.OrderID == "" || o.Quantity < 1 {
		return events.APIGatewayProxyResponse{}, errors.New("bad order")
	}
	return events.APIGatewayProxyResponse{StatusCode: 201, Headers: map[string]string{"Content-Type": "application/json"}, Body: `{"ok":true}`}, nil
}
