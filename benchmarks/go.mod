module github.com/saring-id/saring/benchmarks

go 1.26.8

replace github.com/saring-id/saring => ../

require (
	github.com/TwiN/go-away v1.6.13
	github.com/saring-id/saring v0.0.0-00010101000000-000000000000
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/sajari/fuzzy v1.0.0 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/text v0.43.0 // indirect
	golang.org/x/tools v0.51.0 // indirect
	gonum.org/v1/gonum v0.17.0 // indirect
)
