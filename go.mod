module github.com/saring-id/saring

go 1.26.8

require (
	github.com/kljensen/snowball v0.10.0
	github.com/sajari/fuzzy v1.0.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.43.0
	gonum.org/v1/gonum v0.17.0
)

require (
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/tools v0.51.0 // indirect
)
