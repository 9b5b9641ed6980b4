package render

import (
	"strings"
	"testing"
)

func TestLRUIsBoundedAndKeepsWhatWasUsedLast(t *testing.T) {
	c := NewLRU(3)
	key := func(w int) Key { return Key{Lesson: "sqs", Width: w, Dark: true} }
	c.Put(key(40), "a")
	c.Put(key(41), "b")
	c.Put(key(42), "c")
	if _, ok := c.Get(key(40)); !ok { // 40 is now the most recently used
		t.Fatal("40 was dropped before the cache was full")
	}
	c.Put(key(43), "d") // drops 41, the least recently used
	if _, ok := c.Get(key(41)); ok {
		t.Error("41 should have been dropped")
	}
	for _, w := range []int{40, 42, 43} {
		if _, ok := c.Get(key(w)); !ok {
			t.Errorf("%d was dropped", w)
		}
	}
	c.Put(key(43), "d2") // replacing keeps the size
	if out, _ := c.Get(key(43)); out != "d2" || c.Len() != 3 {
		t.Errorf("replace: %q, len %d", out, c.Len())
	}
	// A resize drag across a hundred widths keeps at most 3 renderings.
	big := strings.Repeat("x", 64<<10)
	for w := 40; w <= 140; w++ {
		c.Put(key(w), big)
	}
	if c.Len() != 3 {
		t.Errorf("after 101 widths the cache holds %d renderings, want 3", c.Len())
	}
}
