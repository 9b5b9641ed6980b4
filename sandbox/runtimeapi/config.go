package runtimeapi

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults, as a function created with no settings gets them in Lambda.
const (
	DefaultTimeout  = 3 * time.Second
	DefaultMemoryMB = 128
	DefaultRegion   = "us-east-1"
	// InitLimit bounds the Init phase (start until the first
	// invocation/next): Lambda limits Init to 10 seconds for on-demand
	// functions, apart from the function timeout, which starts only when
	// the runtime takes the invocation (fact lambda.init.limit).
	InitLimit = 10 * time.Second
	// maxResponse is Lambda's limit for a synchronous response payload (6 MB).
	maxResponse = 6 << 20
	accountID   = "123456789012" // the placeholder account AWS's own docs use
)

// Config describes the function a binary implements.
type Config struct {
	Bin          string        // path to the executable (the "bootstrap")
	Timeout      time.Duration // per invocation; DefaultTimeout when zero
	FunctionName string        // default: the binary's file name
	MemoryMB     int           // reported only; DefaultMemoryMB when zero
	Region       string        // DefaultRegion when empty
	Env          []string      // extra K=V, applied last

	initLimit time.Duration // InitLimit when zero; tests shorten it
}

func (c Config) withDefaults() Config {
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MemoryMB <= 0 {
		c.MemoryMB = DefaultMemoryMB
	}
	if c.initLimit <= 0 {
		c.initLimit = InitLimit
	}
	if c.Region == "" {
		c.Region = DefaultRegion
	}
	if c.FunctionName == "" {
		c.FunctionName = functionNameFrom(c.Bin)
	}
	return c
}

// functionNameFrom turns a file name into a valid Lambda function name.
func functionNameFrom(bin string) string {
	base := strings.TrimSuffix(filepath.Base(bin), filepath.Ext(bin))
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, base)
	if strings.Trim(name, "-") == "" {
		return "function"
	}
	return name
}

// ARN is the function ARN the runtime sees as Lambda-Runtime-Invoked-Function-Arn.
func (c Config) ARN() string {
	return "arn:aws:lambda:" + c.Region + ":" + accountID + ":function:" + c.FunctionName
}

// CheckBin reports, in one line, why path cannot be run as a handler.
func CheckBin(path string) error {
	if path == "" {
		return errors.New("no binary given")
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: no such file (build your handler first, e.g. GOOS=linux go build -o bootstrap .)", path)
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
	case fi.IsDir():
		return fmt.Errorf("%s: is a directory, not a compiled handler", path)
	case fi.Mode().Perm()&0o111 == 0:
		return fmt.Errorf("%s: not executable (chmod +x %s)", path, path)
	}
	return nil
}

// inheritedDrop are variables from tutor's own environment that would change
// how a runtime client behaves (AWS_LAMBDA_MAX_CONCURRENCY switches
// aws-lambda-go to concurrent invocations), so the child never inherits them.
func inheritedDrop(kv string) bool {
	return strings.HasPrefix(kv, "AWS_LAMBDA_") || strings.HasPrefix(kv, "_HANDLER=") ||
		strings.HasPrefix(kv, "_X_AMZN_TRACE_ID=") || strings.HasPrefix(kv, "LAMBDA_TASK_ROOT=") ||
		strings.HasPrefix(kv, "LAMBDA_RUNTIME_DIR=") || strings.HasPrefix(kv, "TUTOR_SANDBOX_")
}

// copyEnv marks every copy, and everything it starts, with the copy's
// token, so that all of it can be found and killed (see killGroup).
const copyEnv = "TUTOR_SANDBOX_COPY"

var (
	runToken = sync.OnceValue(func() string { return randHex(8) }) // this process's
	copySeq  atomic.Int64
)

// newCopyToken is unique per copy; no token is a prefix of another
// (they end in "."), and all start with runToken()+".".
func newCopyToken() string {
	return runToken() + "." + strconv.FormatInt(copySeq.Add(1), 10) + "."
}

// environ is the child's environment: tutor's own (so PATH, HOME and AWS
// credentials work as they do under `sam local invoke`) without Lambda's
// variables, then the variables Lambda defines, then cfg.Env.
func (c Config) environ(runtimeAPI, token string) []string {
	abs, err := filepath.Abs(c.Bin)
	if err != nil {
		abs = c.Bin
	}
	var env []string
	for _, kv := range os.Environ() {
		if !inheritedDrop(kv) {
			env = append(env, kv)
		}
	}
	env = append(env,
		"AWS_LAMBDA_RUNTIME_API="+runtimeAPI,
		"AWS_LAMBDA_FUNCTION_NAME="+c.FunctionName,
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		fmt.Sprintf("AWS_LAMBDA_FUNCTION_MEMORY_SIZE=%d", c.MemoryMB),
		"AWS_LAMBDA_INITIALIZATION_TYPE=on-demand",
		"AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/"+c.FunctionName,
		"AWS_LAMBDA_LOG_STREAM_NAME="+logStreamName(),
		"AWS_REGION="+c.Region,
		"AWS_DEFAULT_REGION="+c.Region,
		"_HANDLER="+filepath.Base(c.Bin),
		"LAMBDA_TASK_ROOT="+filepath.Dir(abs),
		"LAMBDA_RUNTIME_DIR="+filepath.Dir(abs),
		"TZ=:UTC",
		copyEnv+"="+token,
	)
	return append(env, c.Env...)
}

// logStreamName has Lambda's shape: date/[version]instance-id.
func logStreamName() string {
	return time.Now().UTC().Format("2006/01/02") + "/[$LATEST]" + randHex(16)
}

// IDs need to be unique, not secret: math/rand/v2's ChaCha8 source is
// plenty and cheaper than crypto/rand on the invoke path.
func randBytes(b []byte) {
	for i := 0; i < len(b); i += 8 {
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], rand.Uint64())
		copy(b[i:], w[:])
	}
}

func randHex(n int) string {
	b := make([]byte, n)
	randBytes(b)
	return hex.EncodeToString(b)
}

// newRequestID returns a random (version 4) UUID, as Lambda's request IDs are.
func newRequestID() string {
	var b [16]byte
	randBytes(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}

// newTraceID returns an X-Ray trace header like the one Lambda passes:
// Root=1-<epoch seconds, 8 hex>-<24 hex>;Parent=<16 hex>;Sampled=0.
func newTraceID(now time.Time) string {
	var r [20]byte
	randBytes(r[:])
	var s [78]byte
	b := append(s[:0], "Root=1-"...)
	ts := strconv.FormatUint(uint64(now.Unix()), 16)
	for range 8 - len(ts) {
		b = append(b, '0')
	}
	b = append(b, ts...)
	b = append(b, '-')
	b = hex.AppendEncode(b, r[:12])
	b = append(b, ";Parent="...)
	b = hex.AppendEncode(b, r[12:])
	b = append(b, ";Sampled=0"...)
	return string(b)
}
