package quizzes

import (
	"strings"
	"testing"
	"testing/fstest"
)

func loadBank(t *testing.T, text string) string {
	t.Helper()
	_, err := Load(fstest.MapFS{"q.yaml": {Data: []byte(text)}}, "quizzes", testRegistry(t))
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestEveryMalformedItemIsReported(t *testing.T) {
	two := strings.Replace(goodItem, "  concepts:", "  colour: blue\n  concepts:", 1)
	second := strings.ReplaceAll(two, "sqs/batch", "sqs/batch-2")
	err := loadBank(t, two+second)
	if n := strings.Count(err, "quizzes/q.yaml:"); n != 2 || !strings.Contains(err, "q.yaml:11:") || !strings.Contains(err, "q.yaml:24:") {
		t.Fatalf("both unknown fields are reported, with their lines (%d found):\n%s", n, err)
	}
}

func TestAliasesAreRefusedInBank(t *testing.T) {
	bomb := "- &a\n  id: x\n- *a\n"
	if err := loadBank(t, bomb); !strings.Contains(err, "quizzes/q.yaml:3:") || !strings.Contains(err, "aliases") {
		t.Fatalf("an alias is refused with file and line:\n%s", err)
	}
}

func TestBankWithBOMAndSpacedFactReference(t *testing.T) {
	item := strings.Replace(goodItem, "It is {{fact:sqs.batch-size.default}}.", "\"It is {{ fact: sqs.batch-size.default }}.\"", 1)
	b, err := Load(fstest.MapFS{"q.yaml": {Data: []byte("\ufeff" + item)}}, "quizzes", testRegistry(t))
	if err != nil {
		t.Fatal(err)
	}
	if why := b.Items[0].Choices[0].Why; why != "It is 10." {
		t.Fatalf("why = %q", why)
	}
	bad := strings.Replace(goodItem, "It is {{fact:sqs.batch-size.default}}.", "It is {{fact sqs.batch-size.default}}.", 1)
	if err := loadBank(t, bad); !strings.Contains(err, "malformed fact reference") {
		t.Fatalf("a fact reference that cannot be read is reported:\n%s", err)
	}
}
