// Do not edit: main hands your handler to the Lambda runtime client.
package main

import "github.com/aws/aws-lambda-go/lambda"

// Charged is what one invocation did: the payments it charged, in order.
type Charged struct {
	Charged []string `json:"charged"`
}

func main() { lambda.Start(handler) }
