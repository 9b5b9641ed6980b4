package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

type order struct {
	OrderID  *string `json:"orderId"`
	Quantity *int    `json:"quantity"`
}

func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var o order
	if err := json.Unmarshal([]byte(req.Body), &o); err != nil {
		return reply(400, map[string]string{"message": "the body is not a JSON order: " + err.Error()}), nil
	}
	if o.OrderID == nil || *o.OrderID == "" || o.Quantity == nil || *o.Quantity < 1 {
		return reply(400, map[string]string{"message": "an order needs a non-empty orderId and a quantity of at least 1"}), nil
	}
	return reply(201, map[string]any{"orderId": *o.OrderID, "quantity": *o.Quantity}), nil
}

// reply builds a proxy response: API Gateway sends statusCode, headers and
// body to the client as they are.
func reply(status int, v any) events.APIGatewayProxyResponse {
	b, _ := json.Marshal(v)
	return events.APIGatewayProxyResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "application/json"},
		Body:       string(b),
	}
}
