package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/events"
)

// handler serves POST /orders through an API Gateway proxy integration.
// The body must be a JSON object with a non-empty string "orderId" and an
// integer "quantity" of at least 1.
//
// TODO: for a good order, answer 201 with a JSON body and the header
// Content-Type: application/json.
// TODO: for a bad body, answer 400 with a JSON body saying what is wrong.
// Returning an error makes API Gateway answer 502 "Internal server error",
// which tells the client nothing and blames the server.
func handler(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, errors.New("TODO: build the response")
}
