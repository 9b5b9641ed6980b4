// Do not edit: main hands your handler to the Lambda runtime client, and
// process stands in for each message's real work.
package main

import (
	"fmt"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// workTime is how long process takes for one message.
const workTime = 300 * time.Millisecond

// process does one message's work. Like many client libraries it takes no
// context: once started, it runs to the end.
func process(m events.SQSMessage) {
	time.Sleep(workTime)
	fmt.Println("processed", m.MessageId)
}

func main() { lambda.Start(handler) }
