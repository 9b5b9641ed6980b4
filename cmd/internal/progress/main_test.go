package progress

import (
	"os"
	"testing"

	"github.com/tutor-dev/tutor/cmd/internal/progress/pgtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}
