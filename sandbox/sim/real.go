package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/tutor-dev/tutor/sandbox"
	"github.com/tutor-dev/tutor/sandbox/handlers"
)

// real runs a sample handler in-process on the event the simulator builds
// for each batch, and reads its response the way Lambda would.
type real struct {
	h       handlers.Handler
	timeout time.Duration
	durMs   int64
}

func newRealHandler(sc *Scenario) (handler, error) {
	h, ok := handlers.Get(sc.Handler)
	if !ok {
		return nil, fmt.Errorf("handler: unknown handler %q (known: %s)", sc.Handler, strings.Join(handlers.Names(), ", "))
	}
	if h.Source != sc.Source {
		return nil, fmt.Errorf("handler: %s handles %s events, not %s", h.Name, h.Source, sc.Source)
	}
	dur := defInvocationTime.Milliseconds()
	if sc.Behaviour != nil && sc.Behaviour.Duration > 0 {
		dur = sc.Behaviour.Duration.ms()
	}
	return &real{h: h, timeout: sc.Function.Timeout.D(), durMs: dur}, nil
}

const (
	simRegion = sandbox.Region
	simARN    = "arn:aws:" // prefix of the fake resource ARNs below
)

func (h *real) invoke(s *sim, idx []int32) invocation {
	payload, err := s.buildEvent(idx)
	if err != nil {
		return invocation{verdict: vError, durMs: h.durMs, detail: "cannot build the event: " + err.Error()}
	}
	res := sandbox.Invoke(context.Background(), h.h, payload, sandbox.Options{Timeout: h.timeout})
	out := invocation{durMs: h.durMs, status: 200}
	if res.Error != nil {
		out.verdict = vError
		out.detail = res.Error.ErrorType + ": " + res.Error.ErrorMessage
		if res.Error.ErrorType == "Sandbox.Timedout" {
			out.verdict = vTimeout
			out.durMs = h.timeout.Milliseconds()
		}
		return out
	}
	switch s.sc.Source {
	case "apigateway":
		var resp struct {
			StatusCode        *int                `json:"statusCode"`
			Headers           map[string]string   `json:"headers"`
			MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
			Body              string              `json:"body"`
			IsBase64Encoded   bool                `json:"isBase64Encoded"`
		}
		dec := json.NewDecoder(bytes.NewReader(res.Response))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&resp); err != nil || resp.StatusCode == nil {
			out.verdict = vMalformed
			out.detail = "not a proxy response {statusCode, headers, multiValueHeaders, body, isBase64Encoded}"
			return out
		}
		out.status = *resp.StatusCode
	case "sqs", "kinesis", "dynamodb":
		out.failed, out.detail = s.readFailures(idx, res.Response)
		if out.detail != "" {
			out.verdict = vMalformed
		}
	}
	return out
}

// readFailures reads a partial batch response; detail is set when Lambda
// would reject it (and so fail the whole batch, if reporting is on).
func (s *sim) readFailures(idx []int32, raw json.RawMessage) ([]int, string) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || string(t) == "null" {
		return nil, ""
	}
	var resp struct {
		BatchItemFailures []map[string]any `json:"batchItemFailures"`
	}
	if json.Unmarshal(t, &resp) != nil {
		if t[0] != '{' && s.sc.Mapping.ReportBatchItemFailures {
			return nil, "the response is not a JSON object"
		}
		return nil, ""
	}
	pos := make(map[string]int, len(idx))
	for p, i := range idx {
		pos[s.itemID(i)] = p
	}
	var failed []int
	for _, f := range resp.BatchItemFailures {
		id, ok := f["itemIdentifier"].(string)
		if !ok || id == "" {
			return nil, "an itemIdentifier is missing, null or empty"
		}
		p, ok := pos[id]
		if !ok {
			return nil, fmt.Sprintf("itemIdentifier %q is not in the batch", id)
		}
		failed = append(failed, p)
	}
	return failed, ""
}

// itemID is what a partial batch response names a record by.
func (s *sim) itemID(i int32) string {
	if s.seqOf != nil {
		return s.seqOf(i)
	}
	return s.idOf(&s.recs[i])
}

func (s *sim) buildEvent(idx []int32) ([]byte, error) {
	ts := func(i int32) time.Time { return time.UnixMilli(s.recs[i].at).UTC() }
	switch s.sc.Source {
	case "sqs":
		ev := events.SQSEvent{Records: make([]events.SQSMessage, len(idx))}
		for k, i := range idx {
			r := &s.recs[i]
			id := s.idOf(r)
			m := events.SQSMessage{
				MessageId: id, ReceiptHandle: id + "#" + strconv.Itoa(int(r.receipt)), Body: s.textOf(r),
				Attributes: map[string]string{
					"ApproximateReceiveCount": strconv.Itoa(int(r.receives)),
					"SentTimestamp":           strconv.FormatInt(r.at, 10),
				},
				EventSource: "aws:sqs", EventSourceARN: simARN + "sqs:" + simRegion + ":" + sandbox.AccountID + ":queue", AWSRegion: simRegion,
			}
			if r.src != nil && len(r.src.Attributes) > 0 {
				m.MessageAttributes = map[string]events.SQSMessageAttribute{}
				for name, a := range r.src.Attributes {
					v := a.Value
					m.MessageAttributes[name] = events.SQSMessageAttribute{DataType: a.Type, StringValue: &v}
				}
			}
			ev.Records[k] = m
		}
		return json.Marshal(ev)
	case "kinesis":
		ev := events.KinesisEvent{Records: make([]events.KinesisEventRecord, len(idx))}
		for k, i := range idx {
			r := &s.recs[i]
			seq := s.itemID(i)
			ev.Records[k] = events.KinesisEventRecord{
				AwsRegion: simRegion, EventID: "shardId-000000000000:" + seq, EventName: "aws:kinesis:record",
				EventSource: "aws:kinesis", EventSourceArn: simARN + "kinesis:" + simRegion + ":" + sandbox.AccountID + ":stream/sim",
				EventVersion: "1.0",
				Kinesis: events.KinesisRecord{
					Data: []byte(s.textOf(r)), PartitionKey: s.partitionKey(r), SequenceNumber: seq,
					KinesisSchemaVersion: "1.0", ApproximateArrivalTimestamp: events.SecondsEpochTime{Time: ts(i)},
				},
			}
		}
		return json.Marshal(ev)
	case "dynamodb":
		ev := events.DynamoDBEvent{Records: make([]events.DynamoDBEventRecord, len(idx))}
		for k, i := range idx {
			r := &s.recs[i]
			rec := events.DynamoDBEventRecord{
				AWSRegion: simRegion, EventID: s.itemID(i), EventName: "INSERT", EventSource: "aws:dynamodb", EventVersion: "1.1",
				EventSourceArn: simARN + "dynamodb:" + simRegion + ":" + sandbox.AccountID + ":table/sim/stream/sim",
				Change: events.DynamoDBStreamRecord{
					SequenceNumber: s.itemID(i), StreamViewType: "NEW_AND_OLD_IMAGES",
					ApproximateCreationDateTime: events.SecondsEpochTime{Time: ts(i)},
				},
			}
			if r.src != nil {
				if r.src.EventName != "" {
					rec.EventName = r.src.EventName
				}
				if err := typed(r.src.Keys, &rec.Change.Keys); err != nil {
					return nil, fmt.Errorf("record %s keys: %w", s.idOf(r), err)
				}
			}
			if text := s.textOf(r); text != "" {
				if err := json.Unmarshal([]byte(text), &rec.Change.NewImage); err != nil {
					return nil, fmt.Errorf("record %s new_image: %w", s.idOf(r), err)
				}
			}
			ev.Records[k] = rec
		}
		return json.Marshal(ev)
	case "s3":
		i := idx[0]
		r := &s.recs[i]
		name := "ObjectCreated:Put"
		if r.src != nil && r.src.EventName != "" {
			name = r.src.EventName
		}
		ev := events.S3Event{Records: []events.S3EventRecord{{
			EventVersion: "2.1", EventSource: "aws:s3", AWSRegion: simRegion, EventTime: ts(i), EventName: name,
			S3: events.S3Entity{
				SchemaVersion: "1.0", ConfigurationID: "sim",
				Bucket: events.S3Bucket{Name: "sim-bucket", Arn: "arn:aws:s3:::sim-bucket"},
				Object: events.S3Object{Key: s.textOf(r), Size: 1024, Sequencer: fmt.Sprintf("%016X", i)},
			},
		}}}
		return json.Marshal(ev)
	case "sns":
		i := idx[0]
		r := &s.recs[i]
		e := events.SNSEntity{
			MessageID: s.idOf(r), Type: "Notification", TopicArn: simARN + "sns:" + simRegion + ":" + sandbox.AccountID + ":sim",
			Message: s.textOf(r), Timestamp: ts(i), SignatureVersion: "1",
		}
		if r.src != nil && len(r.src.Attributes) > 0 {
			e.MessageAttributes = map[string]any{}
			for name, a := range r.src.Attributes {
				e.MessageAttributes[name] = map[string]any{"Type": a.Type, "Value": a.Value}
			}
		}
		ev := events.SNSEvent{Records: []events.SNSEventRecord{{
			EventVersion: "1.0", EventSource: "aws:sns", EventSubscriptionArn: e.TopicArn + ":sub", SNS: e,
		}}}
		return json.Marshal(ev)
	case "apigateway":
		i := idx[0]
		r := &s.recs[i]
		req := events.APIGatewayProxyRequest{HTTPMethod: "GET", Path: "/", Resource: "/"}
		if r.src != nil {
			if r.src.Method != "" {
				req.HTTPMethod = strings.ToUpper(r.src.Method)
			}
			if r.src.Path != "" {
				req.Path = r.src.Path
			}
			req.Body = r.src.Body
		}
		req.Resource = req.Path
		if parts := strings.Split(strings.Trim(req.Path, "/"), "/"); len(parts) == 2 {
			req.Resource = "/" + parts[0] + "/{id}"
			req.PathParameters = map[string]string{"id": parts[1]}
		}
		req.RequestContext = events.APIGatewayProxyRequestContext{
			RequestID: fmt.Sprintf("sim-%08d", i), Stage: "prod", HTTPMethod: req.HTTPMethod,
			ResourcePath: req.Resource, Path: "/prod" + req.Path, AccountID: sandbox.AccountID,
		}
		return json.Marshal(req)
	}
	return nil, fmt.Errorf("source %q has no event", s.sc.Source)
}

// typed converts a YAML map of DynamoDB typed values into aws-lambda-go's.
func typed(m map[string]any, out *map[string]events.DynamoDBAttributeValue) error {
	if len(m) == 0 {
		return nil
	}
	b, err := json.Marshal(normalize(map[string]any(m)))
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}
