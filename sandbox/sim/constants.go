package sim

import "time"

// AWS numbers the model uses. Each equals the value of the fact named in its
// comment (assets/facts/*.yaml); TestConstantsMatchFacts parses the facts and
// fails when the two drift apart.
const (
	defFunctionTimeout = 3 * time.Second   // lambda.timeout.default
	maxFunctionTimeout = 900 * time.Second // lambda.timeout.max
	accountConcurrency = 1000              // concurrency.account.default

	asyncRetriesDefault  = 2                // async.retries.default
	asyncRetriesMax      = 2                // async.retries.range (its upper end)
	asyncFirstRetryWait  = 1 * time.Minute  // async.retry.first-wait
	asyncSecondRetryWait = 2 * time.Minute  // async.retry.second-wait
	asyncEventAgeDefault = 6 * time.Hour    // async.max-event-age.default
	asyncEventAgeMax     = 6 * time.Hour    // sim.async.max-event-age.max
	asyncEventAgeMin     = 60 * time.Second // async.max-event-age.min
	throttleBackoffStart = 1 * time.Second  // async.throttle-backoff.min
	throttleBackoffMax   = 5 * time.Minute  // async.throttle-backoff.max

	sqsVisibilityDefault = 30 * time.Second     // sqs.visibility-timeout.default
	sqsVisibilityMax     = 12 * time.Hour       // sim.sqs.visibility-timeout.max
	sqsRetentionDefault  = 4 * 24 * time.Hour   // sqs.retention.default
	sqsRetentionMax      = 14 * 24 * time.Hour  // sqs.retention.max
	sqsRetentionMin      = 60 * time.Second     // sim.sqs.retention.min
	sqsMaxReceiveMin     = 1                    // sim.sqs.max-receive-count.min
	sqsMaxReceiveMax     = 1000                 // sim.sqs.max-receive-count.max
	sqsVisibilityFactor  = 6                    // sqs.visibility-timeout.lambda-factor
	sqsBatchDefault      = 10                   // sqs.batch-size.default
	sqsBatchMax          = 10000                // sqs.batch-size.max-standard
	sqsBatchMaxFIFO      = 10                   // sqs.batch-size.max-fifo
	fifoDedupInterval    = 5 * time.Minute      // sqs-fifo.dedup-interval
	sqsWindowDefault     = 0 * time.Second      // sqs.batching-window.default
	windowMax            = 300 * time.Second    // esm.batching-window.max
	largeBatchMinWindow  = 1 * time.Second      // esm.batching-window.min-for-large-batch
	sqsScalingInitial    = 5                    // sqs.scaling.initial-batches
	sqsScalingPerMinute  = 300                  // sqs.scaling.increase-per-minute
	sqsScalingMax        = 1250                 // sqs.scaling.max-batches (default mode)
	kinesisBatchDefault  = 100                  // kinesis.batch-size.default
	dynamoBatchDefault   = 100                  // dynamodb.batch-size.default
	streamBatchMax       = 10000                // kinesis.batch-size.max, dynamodb.batch-size.max
	streamRetriesDefault = -1                   // kinesis.max-retry-attempts.default, dynamodb.max-retry-attempts.default
	streamRetriesMax     = 10000                // kinesis.max-retry-attempts.max, dynamodb.max-retry-attempts.max
	streamRecordAgeMax   = 604800 * time.Second // kinesis.max-record-age.max, dynamodb.max-record-age.max
	streamRecordAgeMin   = 60 * time.Second     // sim.streams.record-age.min
	parallelizationMax   = 10                   // kinesis.parallelization-factor.max, dynamodb.parallelization-factor.max
	streamRetention      = 24 * time.Hour       // sim.kinesis.retention.default, dynamodb.stream.retention

	ebRetryAttemptsDefault = 185                 // eventbridge.retry.attempts.default
	ebRetryAttemptsMax     = 185                 // eventbridge.retry.attempts.range (its upper end)
	ebEventAgeDefault      = 24 * time.Hour      // eventbridge.retry.max-event-age.default
	ebEventAgeMin          = 60 * time.Second    // eventbridge.retry.max-event-age.range (its lower end)
	ebEventAgeMax          = 86400 * time.Second // eventbridge.retry.max-event-age.range (its upper end)

	restIntegrationTimeout    = 29 * time.Second      // apigw.rest.timeout.default (REST APIs' default and the simulator's maximum)
	restIntegrationTimeoutMin = 50 * time.Millisecond // apigw.rest.timeout.min
	apiThrottleStatus         = 500                   // apigw.status.invoke-rejected
	apiErrorStatus            = 502                   // apigw.status.function-error
	apiTimeoutStatus          = 504                   // apigw.status.integration-timeout
)

// Defaults of this simulator where AWS has none (not AWS numbers).
const (
	defInvocationTime  = 20 * time.Millisecond // a scripted invocation's virtual duration
	defMaxReceiveCount = 3                     // AWS requires a redrive policy to name one
	// EventBridge retries delivery with "exponential back off and jitter"
	// and publishes no curve: the simulator waits 1 s, doubling, at most
	// ebBackoffMax, without jitter, so the default 185 retries take about
	// the default 24 hours (23 h 36 min).
	ebBackoffStart = 1 * time.Second
	ebBackoffMax   = 8 * time.Minute
	// Safety stops. A scenario still running after maxSimulated of virtual
	// time ends with its remaining records "pending" and a note saying so.
	// One that needs more simulated events than its budget (base plus
	// per record, a real handler's invocation weighing realInvokeWeight
	// events) is an error: at about a million events a second that is a
	// few seconds of CPU for a small scenario, never minutes.
	maxSimulated     = 30 * 24 * time.Hour
	eventBudgetBase  = 2_000_000
	eventsPerRecord  = 20
	realInvokeWeight = 20
)
