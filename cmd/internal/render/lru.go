package render

import "slices"

// LRU holds the renderings used last, at most a fixed number of them. A
// rendered lesson is 50-100 KB of escape codes; dragging a window's edge
// across a hundred widths made an unbounded cache hold one copy per width
// (tens of megabytes). The app keeps one *LRU, touched only by Update.
type LRU struct {
	max   int
	order []Key // least recently used first
	outs  map[Key]string
}

// DefaultLRUSize covers the lesson on screen at a few widths in both themes
// and the lessons next to it.
const DefaultLRUSize = 8

// NewLRU returns an empty cache of at most n renderings (n < 1 means 1).
func NewLRU(n int) *LRU {
	return &LRU{max: max(n, 1), outs: map[Key]string{}}
}

// Get returns the rendering for k, if kept, and marks it used.
func (c *LRU) Get(k Key) (string, bool) {
	out, ok := c.outs[k]
	if ok {
		c.touch(k)
	}
	return out, ok
}

// Put keeps out for k, forgetting the least recently used rendering when
// the cache is full.
func (c *LRU) Put(k Key, out string) {
	if _, ok := c.outs[k]; !ok && len(c.outs) >= c.max {
		delete(c.outs, c.order[0])
		c.order = c.order[1:]
	}
	c.outs[k] = out
	c.touch(k)
}

// Len is how many renderings are kept.
func (c *LRU) Len() int { return len(c.outs) }

func (c *LRU) touch(k Key) {
	if i := slices.Index(c.order, k); i >= 0 {
		c.order = slices.Delete(c.order, i, i+1)
	}
	c.order = append(c.order, k)
}
