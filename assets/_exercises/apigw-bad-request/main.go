// Do not edit: main hands your handler to the Lambda runtime client.
package main

import "github.com/aws/aws-lambda-go/lambda"

func main() { lambda.Start(handler) }
