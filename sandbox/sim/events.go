package sim

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/tutor-dev/tutor/assets/source"
	"github.com/tutor-dev/tutor/sandbox"
)

// The events a real handler gets, one builder per source (see models).

func (s *sim) ts(i int32) time.Time { return time.UnixMilli(s.recs[i].at).UTC() }

func (s *sim) sqsEvent(idx []int32) ([]byte, error) {
	ev := events.SQSEvent{Records: make([]events.SQSMessage, len(idx))}
	for k, i := range idx {
		r := &s.recs[i]
		rs := s.srcOf(r)
		id := s.idOf(r)
		m := events.SQSMessage{
			MessageId: id, ReceiptHandle: id + "#" + strconv.Itoa(int(r.receipt)), Body: s.textOf(r),
			Attributes: map[string]string{
				"ApproximateReceiveCount": strconv.Itoa(int(r.receives)),
				"SentTimestamp":           strconv.FormatInt(r.at, 10),
			},
			EventSource: source.SQS.Info().EventSource, EventSourceARN: simARN + "sqs:" + simRegion + ":" + sandbox.AccountID + ":queue", AWSRegion: simRegion,
		}
		if s.sc.Queue.FIFO {
			m.EventSourceARN += ".fifo"
			m.Attributes["MessageGroupId"] = s.groupName(r)
			m.Attributes["SequenceNumber"] = strconv.Itoa(int(i) + 1)
			if rs != nil && rs.DedupID != "" {
				m.Attributes["MessageDeduplicationId"] = rs.DedupID
			}
		}
		if rs != nil && len(rs.Attributes) > 0 {
			m.MessageAttributes = map[string]events.SQSMessageAttribute{}
			for name, a := range rs.Attributes {
				v := a.Value
				m.MessageAttributes[name] = events.SQSMessageAttribute{DataType: a.Type, StringValue: &v}
			}
		}
		ev.Records[k] = m
	}
	return json.Marshal(ev)
}

func (s *sim) kinesisEvent(idx []int32) ([]byte, error) {
	ev := events.KinesisEvent{Records: make([]events.KinesisEventRecord, len(idx))}
	for k, i := range idx {
		r := &s.recs[i]
		seq := s.itemID(i)
		ev.Records[k] = events.KinesisEventRecord{
			AwsRegion: simRegion, EventID: "shardId-000000000000:" + seq, EventName: "aws:kinesis:record",
			EventSource: source.Kinesis.Info().EventSource, EventSourceArn: simARN + "kinesis:" + simRegion + ":" + sandbox.AccountID + ":stream/sim",
			EventVersion: "1.0",
			Kinesis: events.KinesisRecord{
				Data: []byte(s.textOf(r)), PartitionKey: s.partitionKey(r), SequenceNumber: seq,
				KinesisSchemaVersion: "1.0", ApproximateArrivalTimestamp: events.SecondsEpochTime{Time: s.ts(i)},
			},
		}
	}
	return json.Marshal(ev)
}

func (s *sim) dynamodbEvent(idx []int32) ([]byte, error) {
	ev := events.DynamoDBEvent{Records: make([]events.DynamoDBEventRecord, len(idx))}
	for k, i := range idx {
		r := &s.recs[i]
		rs := s.srcOf(r)
		rec := events.DynamoDBEventRecord{
			AWSRegion: simRegion, EventID: s.itemID(i), EventName: "INSERT", EventSource: source.DynamoDB.Info().EventSource, EventVersion: "1.1",
			EventSourceArn: simARN + "dynamodb:" + simRegion + ":" + sandbox.AccountID + ":table/sim/stream/sim",
			Change: events.DynamoDBStreamRecord{
				SequenceNumber: s.itemID(i), StreamViewType: "NEW_AND_OLD_IMAGES",
				ApproximateCreationDateTime: events.SecondsEpochTime{Time: s.ts(i)},
			},
		}
		if rs != nil {
			if rs.EventName != "" {
				rec.EventName = rs.EventName
			}
			if err := typed(rs.Keys, &rec.Change.Keys); err != nil {
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
}

func (s *sim) s3Event(idx []int32) ([]byte, error) {
	i := idx[0]
	r := &s.recs[i]
	rs := s.srcOf(r)
	name := "ObjectCreated:Put"
	if rs != nil && rs.EventName != "" {
		name = rs.EventName
	}
	ev := events.S3Event{Records: []events.S3EventRecord{{
		EventVersion: "2.1", EventSource: source.S3.Info().EventSource, AWSRegion: simRegion, EventTime: s.ts(i), EventName: name,
		S3: events.S3Entity{
			SchemaVersion: "1.0", ConfigurationID: "sim",
			Bucket: events.S3Bucket{Name: "sim-bucket", Arn: "arn:aws:s3:::sim-bucket"},
			Object: events.S3Object{Key: s.textOf(r), Size: 1024, Sequencer: fmt.Sprintf("%016X", i)},
		},
	}}}
	return json.Marshal(ev)
}

func (s *sim) snsEvent(idx []int32) ([]byte, error) {
	i := idx[0]
	r := &s.recs[i]
	rs := s.srcOf(r)
	e := events.SNSEntity{
		MessageID: s.idOf(r), Type: "Notification", TopicArn: simARN + "sns:" + simRegion + ":" + sandbox.AccountID + ":sim",
		Message: s.textOf(r), Timestamp: s.ts(i), SignatureVersion: "1",
	}
	if rs != nil && len(rs.Attributes) > 0 {
		e.MessageAttributes = map[string]any{}
		for name, a := range rs.Attributes {
			e.MessageAttributes[name] = map[string]any{"Type": a.Type, "Value": a.Value}
		}
	}
	ev := events.SNSEvent{Records: []events.SNSEventRecord{{
		EventVersion: "1.0", EventSource: source.SNS.Info().EventSource, EventSubscriptionArn: e.TopicArn + ":sub", SNS: e,
	}}}
	return json.Marshal(ev)
}

func (s *sim) apigatewayEvent(idx []int32) ([]byte, error) {
	i := idx[0]
	r := &s.recs[i]
	rs := s.srcOf(r)
	req := events.APIGatewayProxyRequest{HTTPMethod: "GET", Path: "/", Resource: "/"}
	if rs != nil {
		if rs.Method != "" {
			req.HTTPMethod = strings.ToUpper(rs.Method)
		}
		if rs.Path != "" {
			req.Path = rs.Path
		}
		req.Body = rs.Body
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
