package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
)

// streamFlags are the flags of the commands that answer a stream of lines
// (classify and normalize).
type streamFlags struct {
	maxBytes int
	workers  int
	progress bool
}

// register adds the flags to fs; stderr decides --progress's default (on
// when it is a terminal).
func (f *streamFlags) register(fs *flag.FlagSet, stderr io.Writer) {
	fs.IntVar(&f.maxBytes, "max-bytes", 1<<20, "longest input line in bytes (at most "+strconv.Itoa(maxLineLimit)+"); a longer line is answered with an error")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "lines answered in parallel; the output stays in input order")
	fs.BoolVar(&f.progress, "progress", isTerminal(stderr), "show posts done, posts/s and time left on stderr (default: when stderr is a terminal)")
}

// check validates the flags.
func (f *streamFlags) check() error {
	if err := checkMaxBytes(f.maxBytes); err != nil {
		return err
	}
	if f.workers < 1 {
		return fmt.Errorf("--workers must be at least 1, got %d", f.workers)
	}
	return nil
}

// parse parses the command line of a stream command into fs and returns
// its inputs. When it fails, ok is false and code is the exit code: 0 after
// -h, 2 for a usage error, 1 for an input that cannot be read (fs printed
// the message).
func (f *streamFlags) parse(fs *flag.FlagSet, args []string, stdin io.Reader) (srcs []source, code int, ok bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return nil, code, false
	}
	names, err := fileArgs(fs, args)
	if err == nil {
		err = f.check()
	}
	if err != nil {
		return nil, usageError(fs, "%v", err), false
	}
	if srcs, err = sources(names, stdin); err != nil {
		fmt.Fprintf(fs.Output(), "%s: %v\n", fs.Name(), err)
		return nil, 1, false
	}
	return srcs, 0, true
}

// isTerminal reports whether w is a character device, as a terminal is.
// /dev/null is one too; progress written there costs nothing.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// place names an input line in messages: "line 3" on standard input read
// alone, "posts.txt:3" in a named file.
type place struct {
	file string
	line int
}

func (p place) String() string {
	if p.file == "" {
		return "line " + strconv.Itoa(p.line)
	}
	return p.file + ":" + strconv.Itoa(p.line)
}

// source is one input of a stream: a file or standard input.
type source struct {
	// name is the file name, "-" for standard input among other inputs,
	// "" for standard input alone.
	name string
	r    io.Reader // standard input; nil for a file, opened when reached
	// regular marks a regular file: its output is fully buffered. size is
	// its size in bytes.
	regular bool
	size    int64
}

// sources returns the inputs named by args ("-" is standard input), or
// standard input alone when args is empty. Files are checked here and
// opened when reached.
func sources(args []string, stdin io.Reader) ([]source, error) {
	if len(args) == 0 {
		args = []string{""}
	}
	srcs := make([]source, len(args))
	for i, name := range args {
		s := source{name: name}
		var st os.FileInfo
		var err error
		if name == "" || name == "-" {
			s.r = stdin
			if f, ok := stdin.(*os.File); ok {
				st, err = f.Stat()
			}
		} else {
			st, err = os.Stat(name)
		}
		switch {
		case err != nil && s.r == nil:
			return nil, err
		case st != nil && st.IsDir():
			return nil, fmt.Errorf("%s is a directory", name)
		case st != nil && st.Mode().IsRegular():
			s.regular, s.size = true, st.Size()
		}
		srcs[i] = s
	}
	return srcs, nil
}

// totalSize is the size of all inputs in bytes, or 0 when one of them is
// not a regular file.
func totalSize(srcs []source) int64 {
	var n int64
	for _, s := range srcs {
		if !s.regular {
			return 0
		}
		n += s.size
	}
	return n
}

// job is one input line on its way through the workers.
type job struct {
	at   place
	line string
	// tooLong marks a line over --max-bytes, answered with an error.
	tooLong bool
	// fatal, a read error, ends the run instead of being answered.
	fatal error
	// drain marks the last line buffered from an input that is not a
	// regular file: its answer is flushed at once.
	drain bool
	out   []byte
	done  chan struct{}
}

// answerLines answers every line of srcs with exactly one record on stdout,
// in input order, computed by f.workers goroutines: answer(at, line) for each
// line, an errorOutput for a line over f.maxBytes. Records are JSON objects,
// one a line, unless write is given, which then prints each record itself.
// Output to a regular file is fully buffered; otherwise each answer is
// flushed as soon as the input has nothing more buffered, so a co-process
// gets its answer before it sends the next line. It returns the exit code:
// 0 when every line was answered, 1 when reading or writing failed (cmd
// names the command in the message on stderr).
func answerLines(cmd string, srcs []source, stdout, stderr io.Writer, f streamFlags,
	answer func(at place, line string) any, write func(w io.Writer, at place, rec any)) int {
	stop := make(chan struct{})
	defer close(stop)
	work := make(chan *job)
	// At most workers+1 jobs are in flight: workers queued, one awaited.
	order := make(chan *job, f.workers)
	var read atomic.Int64
	go readJobs(srcs, f.maxBytes, work, order, stop, &read)
	for range f.workers {
		go func() {
			for j := range work {
				j.out = encodeAnswer(j, f.maxBytes, answer, write)
				close(j.done)
			}
		}()
	}
	var prog *progress
	if f.progress {
		prog = startProgress(stderr, totalSize(srcs), &read)
	}
	fail := func(format string, a ...any) int {
		prog.stop()
		fmt.Fprintf(stderr, cmd+": "+format+"\n", a...)
		return 1
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	for j := range order {
		<-j.done
		if j.fatal != nil {
			out.Flush()
			return fail("%v", j.fatal)
		}
		if _, err := out.Write(j.out); err != nil {
			return fail("writing: %v", err)
		}
		prog.add()
		if j.drain {
			if err := out.Flush(); err != nil {
				return fail("writing: %v", err)
			}
		}
	}
	if err := out.Flush(); err != nil {
		return fail("writing: %v", err)
	}
	prog.stop()
	return 0
}

// readJobs reads the lines of srcs into jobs, sending each to order (in
// input order) and, unless it ends the run, to work. It stops at the first
// read error or when stop is closed.
func readJobs(srcs []source, max int, work, order chan<- *job, stop <-chan struct{}, read *atomic.Int64) {
	defer close(order)
	defer close(work)
	send := func(j *job, ch chan<- *job) bool {
		select {
		case ch <- j:
			return true
		case <-stop:
			return false
		}
	}
	for _, s := range srcs {
		err := readSource(s, max, send, work, order, read)
		if errors.Is(err, errStopped) {
			return
		}
		if err != nil {
			j := &job{fatal: err, done: make(chan struct{})}
			close(j.done)
			send(j, order)
			return
		}
	}
}

// readSource reads the lines of one input into jobs. It returns the error
// that ends the run, or errStopped when the run was stopped.
func readSource(s source, max int, send func(*job, chan<- *job) bool, work, order chan<- *job, read *atomic.Int64) error {
	r := s.r
	if r == nil {
		f, err := os.Open(s.name)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	lines := newLineReader(r, max)
	for n := 1; ; n++ {
		line, err := lines.next()
		read.Add(lines.read)
		lines.read = 0
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case err != nil && !errors.Is(err, errLineTooLong):
			return fmt.Errorf("reading %s: %w", place{s.name, n}, err)
		}
		j := &job{at: place{s.name, n}, line: line, tooLong: err != nil,
			drain: !s.regular && lines.drained(), done: make(chan struct{})}
		if !send(j, order) || !send(j, work) {
			return errStopped
		}
	}
}

// errStopped ends the reading of a run that was stopped.
var errStopped = errors.New("stopped")

// encodeAnswer answers j as one record.
func encodeAnswer(j *job, max int, answer func(place, string) any, write func(io.Writer, place, any)) []byte {
	var rec any
	if j.tooLong {
		rec = errorOutput{Error: fmt.Sprintf("%s: longer than %d bytes (--max-bytes)", j.at, max)}
	} else {
		rec = answer(j.at, j.line)
	}
	var b bytes.Buffer
	if write != nil {
		write(&b, j.at, rec)
		return b.Bytes()
	}
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rec); err != nil {
		b.Reset()
		enc.Encode(errorOutput{Error: fmt.Sprintf("%s: encoding the answer: %v", j.at, err)})
	}
	return b.Bytes()
}

// errorOutput answers an input line that could not be processed.
type errorOutput struct {
	ID    json.RawMessage `json:"id,omitempty"`
	Error string          `json:"error"`
}
