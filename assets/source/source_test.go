package source

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

func TestTable(t *testing.T) {
	all := All()
	if got := strings.Join(Strings(all), " "); got != "apigateway s3 dynamodb kinesis sns sqs eventbridge functionurl" {
		t.Errorf("course order %q", got)
	}
	for i, s := range all {
		in := s.Info()
		switch {
		case !s.Valid() || s.Order() != i:
			t.Errorf("%s: valid %v, order %d", s, s.Valid(), s.Order())
		case in.Title == "" || in.Invocation == 0 || in.EventType == nil:
			t.Errorf("%s: incomplete entry %+v", s, in)
		case in.Stream && in.Invocation != Poll:
			t.Errorf("%s: a stream is polled", s)
		case in.EventSource != "" && in.EventSource != "aws:"+string(s):
			t.Errorf("%s: eventSource %q", s, in.EventSource)
		}
	}
	if APIGateway.Invocation() != Sync || FunctionURL.Invocation() != Sync || SNS.Invocation() != Async || SQS.Invocation() != Poll || EventBridge.Invocation() != Async || SQS.Stream() || !Kinesis.Stream() {
		t.Error("invocation models are wrong")
	}
	if Invocation(0).String() != "Invocation(0)" || Poll.String() != "poll" {
		t.Error("Invocation.String")
	}
}

func TestParse(t *testing.T) {
	if s, err := Parse("sqs"); err != nil || s != SQS {
		t.Errorf("Parse(sqs) = %q, %v", s, err)
	}
	_, err := Parse("kafka")
	if err == nil || err.Error() != `unknown event source "kafka" (known: apigateway, s3, dynamodb, kinesis, sns, sqs, eventbridge, functionurl)` {
		t.Errorf("Parse(kafka): %v", err)
	}
	if Source("kafka").Valid() || Source("kafka").Order() != -1 || Source("kafka").Title() != "kafka" || Source("kafka").EventType() != nil {
		t.Error("an unknown source looks known")
	}
}

// The YAML and JSON forms stay plain strings.
func TestEncoding(t *testing.T) {
	var v struct {
		S  Source   `yaml:"s" json:"s"`
		SS []Source `yaml:"ss" json:"ss"`
	}
	if err := yaml.Unmarshal([]byte("s: sqs\nss: [s3, sns]\n"), &v); err != nil || v.S != SQS || len(v.SS) != 2 || v.SS[1] != SNS {
		t.Fatalf("yaml: %+v %v", v, err)
	}
	b, err := json.Marshal(v)
	if err != nil || string(b) != `{"s":"sqs","ss":["s3","sns"]}` {
		t.Errorf("json: %s %v", b, err)
	}
}
