// Re-encodes the JSON on stdin as Go's encoding/json would through a
// map[string]any, in the way named by os.Args[1]; writes the bytes to
// stdout. Part of the diagnosis corpus (tests/it/corpus.rs).
package main

import (
	"encoding/json"
	"io"
	"os"
)

func main() {
	in, err := io.ReadAll(os.Stdin)
	if err != nil {
		panic(err)
	}
	var m map[string]any
	if err := json.Unmarshal(in, &m); err != nil {
		panic(err)
	}
	var out []byte
	switch os.Args[1] {
	case "marshal":
		out, err = json.Marshal(m)
	case "marshal_indent":
		out, err = json.MarshalIndent(m, "", "  ")
	default:
		panic("unknown case " + os.Args[1])
	}
	if err != nil {
		panic(err)
	}
	os.Stdout.Write(out)
}
