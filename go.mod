module github.com/saring-id/saring

go 1.26.8

require (
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/sajari/fuzzy v1.0.0 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/text v0.43.0 // indirect
)
