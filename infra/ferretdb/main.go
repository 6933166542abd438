// Command ferretdb-test-server runs FerretDB, a MongoDB wire-protocol server, on its SQLite
// backend, so the MongoDB adapters' suites meet a real server without a mongod. It embeds
// FerretDB's embeddable package: the upstream cmd/ferretdb built from the module proxy panics
// at start on its missing version file.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on (port 0 picks a free port)")
	dataDir := flag.String("data", "", "directory of the SQLite databases (required; created if missing)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	if *dataDir == "" {
		fail("-data is required")
	}
	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		fail(err.Error())
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fail(err.Error())
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level: " + err.Error())
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		fail(err.Error())
	}

	// SIGTERM or SIGINT cancels the context: Run then closes the listener, the connections and
	// the SQLite databases before it returns.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := server.Run(ctx); err != nil {
			logger.Error("ferretdb stopped", "error", err)
		}
	}()

	// MongoDBURI waits until the listener is bound, so the line is printed once connections are
	// accepted; with port 0 it names the port the system picked.
	fmt.Printf("listening on %s\n", server.MongoDBURI())

	<-done
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "ferretdb-test-server:", message)
	os.Exit(2)
}
