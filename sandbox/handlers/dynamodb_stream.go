package handlers

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

var (
	errMissingAttribute = errors.New("missing attribute")
	errWrongType        = errors.New("attribute has the wrong type")
)

// StreamOrders reads the new image of every changed item in an Orders table's
// DynamoDB stream.
//
// Stream records carry attributes in DynamoDB's typed JSON ({"N": "42.5"}):
// numbers arrive as strings, and events.DynamoDBAttributeValue's accessors
// (.Number(), .Float(), .Boolean(), .List()...) panic when the attribute holds
// another type, while .String() quietly returns a debug rendering. So check
// DataType() first and return an error that names the record: Lambda retries
// the batch, and the record's eventID is what you search the logs for.
func StreamOrders(ctx context.Context, event events.DynamoDBEvent) error {
	for _, record := range event.Records {
		if record.EventName == "REMOVE" {
			Logf(ctx, "%s %s: item removed", record.EventID, record.EventName)
			continue
		}
		image := record.Change.NewImage
		id, err := attribute(image, "orderId", events.DataTypeString)
		if err != nil {
			return fmt.Errorf("record %s (%s): %w", record.EventID, record.EventName, err)
		}
		status, err := attribute(image, "status", events.DataTypeString)
		if err != nil {
			return fmt.Errorf("record %s (%s): %w", record.EventID, record.EventName, err)
		}
		total, err := attribute(image, "total", events.DataTypeNumber)
		if err != nil {
			return fmt.Errorf("record %s (%s): %w", record.EventID, record.EventName, err)
		}
		amount, err := total.Float()
		if err != nil {
			return fmt.Errorf("record %s (%s): total %q: %w", record.EventID, record.EventName, total.Number(), err)
		}
		Logf(ctx, "%s %s: order %s is %s, total %.2f", record.EventID, record.EventName, id.String(), status.String(), amount)
	}
	return nil
}

// attribute returns the named attribute if it has the wanted type.
func attribute(image map[string]events.DynamoDBAttributeValue, name string, want events.DynamoDBDataType) (events.DynamoDBAttributeValue, error) {
	v, ok := image[name]
	if !ok {
		return v, fmt.Errorf("%w %q", errMissingAttribute, name)
	}
	if got := v.DataType(); got != want {
		return v, fmt.Errorf("%w: %q is %s, want %s", errWrongType, name, typeCode(got), typeCode(want))
	}
	return v, nil
}

// typeCode names a DynamoDB type the way the stream's JSON does ("S", "N"...).
func typeCode(t events.DynamoDBDataType) string {
	switch t {
	case events.DataTypeString:
		return "S"
	case events.DataTypeNumber:
		return "N"
	case events.DataTypeBinary:
		return "B"
	case events.DataTypeBoolean:
		return "BOOL"
	case events.DataTypeNull:
		return "NULL"
	case events.DataTypeList:
		return "L"
	case events.DataTypeMap:
		return "M"
	case events.DataTypeStringSet:
		return "SS"
	case events.DataTypeNumberSet:
		return "NS"
	case events.DataTypeBinarySet:
		return "BS"
	}
	return fmt.Sprintf("type %d", t)
}
