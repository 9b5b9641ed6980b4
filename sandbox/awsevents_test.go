package sandbox

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// awsTestdata maps every file of aws-lambda-go's events/testdata to the type
// it is a sample of. A file missing here fails the test, so a new file in a
// newer module version gets looked at.
var awsTestdata = map[string]any{
	"activemq-event.json":                                   events.ActiveMQEvent{},
	"alb-lambda-target-request-headers-only.json":           events.ALBTargetGroupRequest{},
	"alb-lambda-target-request-multivalue-headers.json":     events.ALBTargetGroupRequest{},
	"alb-lambda-target-response.json":                       events.ALBTargetGroupResponse{},
	"apigw-custom-auth-request-type-request.json":           events.APIGatewayCustomAuthorizerRequestTypeRequest{},
	"apigw-custom-auth-request.json":                        events.APIGatewayCustomAuthorizerRequest{},
	"apigw-custom-auth-response.json":                       events.APIGatewayCustomAuthorizerResponse{},
	"apigw-request.json":                                    events.APIGatewayProxyRequest{},
	"apigw-response.json":                                   events.APIGatewayProxyResponse{},
	"apigw-restapi-openapi-request.json":                    events.APIGatewayProxyRequest{},
	"apigw-v2-custom-authorizer-v1-request.json":            events.APIGatewayV2CustomAuthorizerV1Request{},
	"apigw-v2-custom-authorizer-v2-request.json":            events.APIGatewayV2CustomAuthorizerV2Request{},
	"apigw-v2-request-iam.json":                             events.APIGatewayV2HTTPRequest{},
	"apigw-v2-request-jwt-authorizer.json":                  events.APIGatewayV2HTTPRequest{},
	"apigw-v2-request-lambda-authorizer.json":               events.APIGatewayV2HTTPRequest{},
	"apigw-v2-request-no-authorizer.json":                   events.APIGatewayV2HTTPRequest{},
	"apigw-websocket-request-disconnect.json":               events.APIGatewayWebsocketProxyRequest{},
	"apigw-websocket-request-send-message.json":             events.APIGatewayWebsocketProxyRequest{},
	"apigw-websocket-request.json":                          events.APIGatewayWebsocketProxyRequest{},
	"appsync-identity-cognito.json":                         events.AppSyncCognitoIdentity{},
	"appsync-identity-iam.json":                             events.AppSyncIAMIdentity{},
	"appsync-lambda-auth-request.json":                      events.AppSyncLambdaAuthorizerRequest{},
	"appsync-lambda-auth-response.json":                     events.AppSyncLambdaAuthorizerResponse{},
	"autoscaling-event-launch-successful.json":              events.AutoScalingEvent{},
	"autoscaling-event-launch-unsuccessful.json":            events.AutoScalingEvent{},
	"autoscaling-event-lifecycle-action.json":               events.AutoScalingEvent{},
	"autoscaling-event-terminate-action.json":               events.AutoScalingEvent{},
	"autoscaling-event-terminate-successful.json":           events.AutoScalingEvent{},
	"autoscaling-event-terminate-unsuccessful.json":         events.AutoScalingEvent{},
	"clientvpn-connectionhandler-request.json":              events.ClientVPNConnectionHandlerRequest{},
	"cloudwatch-alarm-sns-payload-multiple-metrics.json":    events.SNSEvent{},
	"cloudwatch-alarm-sns-payload-single-metric.json":       events.SNSEvent{},
	"cloudwatch-logs-event.json":                            events.CloudwatchLogsEvent{},
	"code-commit-event.json":                                events.CodeCommitEvent{},
	"codebuild-phase-change.json":                           events.CodeBuildEvent{},
	"codebuild-state-change.json":                           events.CodeBuildEvent{},
	"codedeploy-deployment-event.json":                      events.CodeDeployEvent{},
	"codedeploy-instance-event.json":                        events.CodeDeployEvent{},
	"codepipeline-action-execution-stage-change-event.json": events.CodePipelineCloudWatchEvent{},
	"codepipeline-execution-stage-change-event.json":        events.CodePipelineCloudWatchEvent{},
	"codepipeline-execution-state-change-event.json":        events.CodePipelineCloudWatchEvent{},
	"codepipeline-job-event.json":                           events.CodePipelineJobEvent{},
	"cognito-event-userpools-create-auth-challenge.json":    events.CognitoEventUserPoolsCreateAuthChallenge{},
	"cognito-event-userpools-custommessage.json":            events.CognitoEventUserPoolsCustomMessage{},
	"cognito-event-userpools-define-auth-challenge.json":    events.CognitoEventUserPoolsDefineAuthChallenge{},
	"cognito-event-userpools-inbound-federation-oidc.json":  events.CognitoEventUserPoolsInboundFederation{},
	"cognito-event-userpools-inbound-federation-saml.json":  events.CognitoEventUserPoolsInboundFederation{},
	"cognito-event-userpools-migrateuser.json":              events.CognitoEventUserPoolsMigrateUser{},
	"cognito-event-userpools-postauthentication.json":       events.CognitoEventUserPoolsPostAuthentication{},
	"cognito-event-userpools-postconfirmation.json":         events.CognitoEventUserPoolsPostConfirmation{},
	"cognito-event-userpools-preauthentication.json":        events.CognitoEventUserPoolsPreAuthentication{},
	"cognito-event-userpools-presignup.json":                events.CognitoEventUserPoolsPreSignup{},
	"cognito-event-userpools-pretokengen-v2.json":           events.CognitoEventUserPoolsPreTokenGenV2{},
	"cognito-event-userpools-pretokengen-v2_0.json":         events.CognitoEventUserPoolsPreTokenGenV2_0{},
	"cognito-event-userpools-pretokengen.json":              events.CognitoEventUserPoolsPreTokenGen{},
	"cognito-event-userpools-verify-auth-challenge.json":    events.CognitoEventUserPoolsVerifyAuthChallenge{},
	"cognito-event.json":                                    events.CognitoEvent{},
	"config-event.json":                                     events.ConfigEvent{},
	"connect-event.json":                                    events.ConnectEvent{},
	"dynamodb-event.json":                                   events.DynamoDBEvent{},
	"dynamodb-time-window-event.json":                       events.DynamoDBTimeWindowEvent{},
	"ecr-image-push-event.json":                             events.ECRImageActionEvent{},
	"ecr-image-scan-event.json":                             events.ECRScanEvent{},
	"ecs-container-instance-state-change.json":              events.ECSContainerInstanceEvent{},
	"iot-1-click-event.json":                                events.IoTOneClickEvent{},
	"iot-button-event.json":                                 events.IoTButtonEvent{},
	"iot-custom-auth-request.json":                          events.IoTCoreCustomAuthorizerRequest{},
	"iot-custom-auth-response.json":                         events.IoTCoreCustomAuthorizerResponse{},
	"iot-preprovision-hook-request.json":                    events.IoTPreProvisionHookRequest{},
	"iot-preprovision-hook-response.json":                   events.IoTPreProvisionHookResponse{},
	"kafka-event.json":                                      events.KafkaEvent{},
	"kinesis-analytics-output-delivery-event.json":          events.KinesisAnalyticsOutputDeliveryEvent{},
	"kinesis-analytics-output-delivery-response.json":       events.KinesisAnalyticsOutputDeliveryResponse{},
	"kinesis-event.json":                                    events.KinesisEvent{},
	"kinesis-firehose-event.json":                           events.KinesisFirehoseEvent{},
	"kinesis-firehose-response.json":                        events.KinesisFirehoseResponse{},
	"kinesis-time-window-event.json":                        events.KinesisTimeWindowEvent{},
	"lambda-urls-request.json":                              events.LambdaFunctionURLRequest{},
	"lambda-urls-response.json":                             events.LambdaFunctionURLResponse{},
	"lex-event.json":                                        events.LexEvent{},
	"lex-response.json":                                     events.LexResponse{},
	"rabbitmq-event.json":                                   events.RabbitMQEvent{},
	"s3-batch-job-event-request-1.0.json":                   events.S3BatchJobEvent{},
	"s3-batch-job-event-request-2.0.json":                   events.S3BatchJobEventV2{},
	"s3-batch-job-event-response.json":                      events.S3BatchJobResponse{},
	"s3-event-with-decoded.json":                            events.S3Event{},
	"s3-event.json":                                         events.S3Event{},
	"s3-glacier-event.json":                                 events.S3Event{},
	"s3-intelligenttier-event.json":                         events.S3Event{},
	"s3-lifecycle-event.json":                               events.S3Event{},
	"s3-object-lambda-event-get-object-assumed-role.json":   events.S3ObjectLambdaEvent{},
	"s3-object-lambda-event-get-object-iam.json":            events.S3ObjectLambdaEvent{},
	"s3-object-lambda-event-head-object-iam.json":           events.S3ObjectLambdaEvent{},
	"s3-object-lambda-event-list-objects-iam.json":          events.S3ObjectLambdaEvent{},
	"s3-object-lambda-event-list-objects-v2-iam.json":       events.S3ObjectLambdaEvent{},
	"s3-replication-event.json":                             events.S3Event{},
	"s3-restore-event.json":                                 events.S3Event{},
	"secretsmanager-secret-rotation-event.json":             events.SecretsManagerSecretRotationEvent{},
	"ses-lambda-event.json":                                 events.SimpleEmailEvent{},
	"ses-s3-event.json":                                     events.SimpleEmailEvent{},
	"ses-sns-event.json":                                    events.SimpleEmailEvent{},
	"sns-event.json":                                        events.SNSEvent{},
	"sqs-event.json":                                        events.SQSEvent{},
}

// awsTestdataMalformed are files aws-lambda-go keeps to test that decoding
// fails; they must fail here too.
var awsTestdataMalformed = map[string]any{
	"dynamodb-event-malformed.2.json": events.DynamoDBEvent{},
}

// TestAWSTestdataDecodes decodes every sample in aws-lambda-go's own
// events/testdata (from the module cache) into its event type, strictly.
func TestAWSTestdataDecodes(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/aws/aws-lambda-go").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("aws-lambda-go is not in the module cache (go list -m: %v)", err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "events", "testdata", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no JSON files in %s/events/testdata (%v)", dir, err)
	}
	sort.Strings(files)
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if typ, ok := awsTestdataMalformed[name]; ok {
				if err := decodeInto(typ, data, false); err == nil {
					t.Errorf("%s decoded into %T, but it is malformed on purpose", name, typ)
				}
				return
			}
			typ, ok := awsTestdata[name]
			if !ok {
				t.Fatalf("%s has no event type in awsTestdata: add it", name)
			}
			if err := decodeInto(typ, data, true); err != nil {
				t.Errorf("%s into %T: %v", name, typ, err)
			}
		})
	}
}

// decodeInto decodes data into a new value of typ's type.
func decodeInto(typ any, data []byte, strict bool) error {
	v := reflect.New(reflect.TypeOf(typ))
	dec := json.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	return dec.Decode(v.Interface())
}
