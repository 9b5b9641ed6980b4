package sim

import (
	"fmt"

	"github.com/tutor-dev/tutor/assets/source"
)

// validateFIFO checks the fields of FIFO queues: on a FIFO queue what AWS
// requires of its mapping and messages, elsewhere that none is given.
func (sc *Scenario) validateFIFO() []fieldError {
	var errs []fieldError
	bad := func(path, format string, a ...any) {
		errs = append(errs, fieldError{path: path, msg: fmt.Sprintf(format, a...)})
	}
	if b := sc.Behaviour; b != nil && b.StopAtFirstFailure && sc.Source != source.SQS {
		bad("$.behaviour.stop_at_first_failure", "is for source sqs (a handler's partial batch response on a FIFO queue)")
	}
	fifo := sc.Source == source.SQS && sc.Queue.FIFO
	if !fifo {
		if sc.Source == source.SQS && sc.Queue.ContentBasedDeduplication {
			bad("$.queue.content_based_deduplication", "is for FIFO queues: add fifo: true to queue, or remove it")
		}
		for i, r := range sc.Records {
			p := fmt.Sprintf("$.records[%d]", i)
			if r.Group != "" && sc.Source == source.SQS {
				bad(p+".group", "message groups are modelled for FIFO queues: add fifo: true to queue, or remove group (on a standard queue a message group ID makes a fair queue, which the simulator does not model)")
			}
			if r.DedupID != "" && sc.Source == source.SQS {
				bad(p+".dedup_id", "a deduplication ID is for FIFO queues: add fifo: true to queue, or remove dedup_id")
			}
		}
		if g := sc.Generate; g != nil && g.Groups != 0 {
			bad("$.generate.groups", "is for sqs FIFO queues (queue: {fifo: true}): remove it")
		}
		return errs
	}
	if sc.Mapping.BatchSize > sqsBatchMaxFIFO {
		bad("$.mapping.batch_size", "must be 1-%d for a FIFO queue (got %d)", sqsBatchMaxFIFO, sc.Mapping.BatchSize)
	}
	if sc.Mapping.MaximumBatchingWindow != 0 {
		bad("$.mapping.maximum_batching_window", "must be 0s for a FIFO queue: Lambda does not support a batching window on FIFO queues (got %s)", sc.Mapping.MaximumBatchingWindow)
	}
	for i, r := range sc.Records {
		if r.Group == "" {
			bad(fmt.Sprintf("$.records[%d]", i), "a message on a FIFO queue needs a message group: add group (for instance group: A)")
		}
	}
	if g := sc.Generate; g != nil && g.Count > 0 && g.Groups < 1 {
		bad("$.generate", "generated messages on a FIFO queue need message groups: add groups: N (record rN goes to group g((N-1) mod groups + 1))")
	} else if g != nil && g.Groups < 0 {
		bad("$.generate.groups", "must be 1 or more")
	}
	return errs
}
