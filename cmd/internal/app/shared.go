package app

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/tutor-dev/tutor/cmd/internal/render"
)

// SharedRenders is a cache of rendered lessons that the sessions of one
// server share (Options.Renders): every learner of tutor serve reads the
// same course, mostly at a few terminal widths, so a lesson rendered for
// one is there for the next, and a class reconnecting at once after a
// restart renders each lesson once, not once per learner. Each session
// still keeps its own small cache (Model.cache) in front of it.
type SharedRenders struct {
	mu   sync.Mutex
	lru  *render.LRU
	busy map[render.Key]chan struct{} // renderings under way: the others wait for them
}

// SharedRendersSize covers every lesson of a course at a few widths, in
// both themes (a rendering is 50-100 KB).
const SharedRendersSize = 96

// NewSharedRenders returns an empty shared cache of at most n renderings.
func NewSharedRenders(n int) *SharedRenders {
	return &SharedRenders{lru: render.NewLRU(n), busy: map[render.Key]chan struct{}{}}
}

// cmd renders md for k once for all the sessions that ask for it at the
// same time: the first renders, the others wait for its result.
func (s *SharedRenders) cmd(k render.Key, md string) tea.Cmd {
	return func() tea.Msg {
		for {
			s.mu.Lock()
			if out, ok := s.lru.Get(k); ok {
				s.mu.Unlock()
				return render.RenderedMsg{Key: k, Out: out}
			}
			if ch, ok := s.busy[k]; ok {
				s.mu.Unlock()
				<-ch
				continue // its result is in the cache (or it failed: try ourselves)
			}
			ch := make(chan struct{})
			s.busy[k] = ch
			s.mu.Unlock()
			out, err := render.Markdown(md, k.Width, k.Dark)
			s.mu.Lock()
			delete(s.busy, k)
			if err == nil {
				s.lru.Put(k, out)
			}
			s.mu.Unlock()
			close(ch)
			return render.RenderedMsg{Key: k, Out: out, Err: err}
		}
	}
}

// renderLesson renders a lesson's markdown, through the server's cache when
// there is one.
func (m *Model) renderLesson(k render.Key, md string) tea.Cmd {
	if m.opts.Renders != nil {
		return m.opts.Renders.cmd(k, md)
	}
	return render.Cmd(k, md)
}

func (s *SharedRenders) get(k render.Key) (string, bool) {
	if s == nil {
		return "", false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lru.Get(k)
}

func (s *SharedRenders) put(k render.Key, out string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lru.Put(k, out)
}

// cached is the rendering for k from the session's cache or else the
// server's (kept in the session's from then on).
func (m *Model) cached(k render.Key) (string, bool) {
	if out, ok := m.cache.Get(k); ok {
		return out, true
	}
	out, ok := m.opts.Renders.get(k)
	if ok {
		m.cache.Put(k, out)
	}
	return out, ok
}
