// Package quizzes is the course's question bank: YAML items embedded in the
// binary (or read from a course folder), the loader that validates them and
// fills in AWS facts, the grader, the seeded choice shuffle and selection,
// and the FSRS review scheduler that brings missed items back.
//
// It knows nothing of terminals or lessons: an item names its lesson by ID
// and the course package checks that the lesson exists.
package quizzes
