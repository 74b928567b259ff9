package main

import (
	"os"

	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/sasl/plain"
)

// saslFromEnv authenticates every client of the driver with SASL/PLAIN when
// FRANZGO_SASL_USERNAME is set (with FRANZGO_SASL_PASSWORD), as a tenant's
// API key and secret do through the proxy; unset, clients connect without SASL.
func saslFromEnv() []kgo.Opt {
	user := os.Getenv("FRANZGO_SASL_USERNAME")
	if user == "" {
		return nil
	}
	return []kgo.Opt{kgo.SASL(plain.Auth{User: user, Pass: os.Getenv("FRANZGO_SASL_PASSWORD")}.AsMechanism())}
}
