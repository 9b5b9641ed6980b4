package main

import "testing"

func TestSuggest(t *testing.T) {
	cands := []string{"lessons", "read", "quiz", "progress", "sqs", "sns", "s3", "sqs-poison-partial", "sqs-redrive"}
	for typed, want := range map[string]string{
		"lesons": "lessons", "sq": "sqs", "qiuz": "quiz", "progres": "progress",
		"sqs-redrve": "sqs-redrive", "zzzzzz": "", "": "",
	} {
		if got := suggest(typed, cands); got != want {
			t.Errorf("suggest(%q) = %q, want %q", typed, got, want)
		}
	}
}
