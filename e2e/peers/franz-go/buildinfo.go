package main

import "runtime/debug"

// clientVersion is the franz-go module version this driver was built with.
func clientVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	for _, d := range info.Deps {
		if d.Path == "github.com/twmb/franz-go" {
			return d.Version
		}
	}
	return "unknown"
}
