package serve

import (
	"net"
	"sync"
	"time"
)

// DefaultConnRate is the default --conn-rate: new connections a minute
// from one IP address, all of them allowed at once. A classroom behind one
// NAT address connects within a minute or two (60 learners at once get
// in), while a client reconnecting in a loop is refused after 60 and then
// gets one connection a second.
const DefaultConnRate = 60

// maxTracked bounds the addresses remembered; past it, addresses whose
// bucket has refilled are forgotten (they start full again anyway).
const maxTracked = 10000

// connLimiter is a token bucket per remote IP: burst tokens, refilled at
// burst a minute; a connection takes one.
type connLimiter struct {
	mu      sync.Mutex
	burst   float64
	perSec  float64
	now     func() time.Time
	buckets map[string]*bucket
}

type bucket struct {
	tokens  float64
	last    time.Time
	refused bool // a refusal was logged since the last connection let in
}

func newConnLimiter(perMinute int, now func() time.Time) *connLimiter {
	return &connLimiter{burst: float64(perMinute), perSec: float64(perMinute) / 60, now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for ip; first says this is the first refusal since
// ip was last let in (the one to log).
func (c *connLimiter) allow(ip string) (ok, first bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	b := c.buckets[ip]
	if b == nil {
		if len(c.buckets) >= maxTracked {
			c.forgetFull(now)
		}
		b = &bucket{tokens: c.burst, last: now}
		c.buckets[ip] = b
	}
	b.tokens = min(c.burst, b.tokens+now.Sub(b.last).Seconds()*c.perSec)
	b.last = now
	if b.tokens < 1 {
		first, b.refused = !b.refused, true
		return false, first
	}
	b.tokens--
	b.refused = false
	return true, false
}

func (c *connLimiter) forgetFull(now time.Time) {
	for ip, b := range c.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*c.perSec >= c.burst {
			delete(c.buckets, ip)
		}
	}
}

// limitedListener refuses, by closing it before any SSH is spoken, a
// connection from an address past its rate; the first refusal of a run is
// logged.
type limitedListener struct {
	net.Listener
	limit *connLimiter
	logf  func(string, ...any)
}

func (l *limitedListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip, _, _ := net.SplitHostPort(c.RemoteAddr().String())
		ok, first := l.limit.allow(ip)
		if ok {
			return c, nil
		}
		if first {
			l.logf("refusing connections from %s: more than --conn-rate %d a minute (a reconnect loop?); further refusals from it are not logged until one is let in", ip, int(l.limit.burst))
		}
		c.Close()
	}
}
