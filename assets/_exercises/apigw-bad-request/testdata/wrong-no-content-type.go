// fails: created
package main

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-lambda-go/events"
)

// Status codes right, but a JSON body without Content-Type, and 200 for a
// created order.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var o struct {
		OrderID  *string `json:"orderId"`
		Quantity *int    `json:"quantity"`
	}
	if json.Unmarshal([]byte(req.Body), &o) != nil || o.OrderID == nil || *o.OrderID == "" || o.Quantity == nil || *o.Quantity < 1 {
		return events.APIGatewayProxyResponse{StatusCode: 400, Body: `{"message":"bad order"}`}, nil
	}
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: `{"ok":true}`}, nil
}
