// Package events provides type definitions for common AWS Lambda event sources.
//
// This package contains Go structs for events from services like API Gateway, S3, SQS, DynamoDB,
// and many others. These types can be used as input parameters to Lambda handler functions,
// allowing automatic JSON deserialization of incoming events.
//
// See https://docs.aws.amazon.com/lambda/latest/dg/lambda-services.html
package events
