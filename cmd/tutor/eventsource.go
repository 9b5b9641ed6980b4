package main

import (
	"encoding/json"
	"strings"

	"github.com/tutor-dev/tutor/assets/source"
)

// eventSource guesses which source sent an event from the fields every
// event of that source has; ok is false when it cannot tell (a custom
// event, JSON that is not an object).
func eventSource(event []byte) (source.Source, bool) {
	var e struct {
		Records []struct {
			EventSource  string `json:"eventSource"`
			EventSource2 string `json:"EventSource"` // SNS spells it so
		} `json:"Records"`
		HTTPMethod     *string         `json:"httpMethod"`
		RequestContext json.RawMessage `json:"requestContext"`
	}
	if json.Unmarshal(event, &e) != nil {
		return "", false
	}
	if len(e.Records) > 0 {
		s := e.Records[0].EventSource
		if s == "" {
			s = e.Records[0].EventSource2
		}
		for _, in := range source.Infos() {
			if in.EventSource != "" && in.EventSource == s {
				return in.Source, true
			}
		}
		return "", false
	}
	if e.HTTPMethod != nil || len(e.RequestContext) > 0 {
		return source.APIGateway, true
	}
	return "", false
}

// article is "n" before a word read with a vowel sound (an s3, an sqs).
func article(word string) string {
	if word != "" && strings.ContainsRune("aeioufhlmnrsx", rune(word[0])) {
		return "n"
	}
	return ""
}
