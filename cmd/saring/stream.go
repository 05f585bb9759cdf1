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

	"github.com/saring-id/saring/internal/record"
)

// maxWorkers is the highest --workers: each worker may hold a batch of
// lines, so the count bounds the memory in flight.
const maxWorkers = 256

// streamFlags are the flags of the commands that answer a stream of lines
// (classify and normalize).
type streamFlags struct {
	maxBytes int
	workers  int
	progress bool
}

// register adds the flags to fs. --progress is on by default when stderr
// is a terminal and stdout is not: a long run into a file or a pipe, not
// answers shown on the same screen.
func (f *streamFlags) register(fs *flag.FlagSet, stdout, stderr io.Writer) {
	fs.IntVar(&f.maxBytes, "max-bytes", 1<<20, "longest input line in bytes (at most "+strconv.Itoa(maxLineLimit)+"); a longer line is answered with an error")
	fs.IntVar(&f.workers, "workers", runtime.NumCPU(), "lines answered in parallel; the output stays in input order")
	fs.BoolVar(&f.progress, "progress", isTerminal(stderr) && !isTerminal(stdout), "show posts done, posts/s and time left on stderr (default: when stderr is a terminal and stdout is not)")
}

// check validates the flags.
func (f *streamFlags) check() error {
	if err := checkMaxBytes(f.maxBytes); err != nil {
		return err
	}
	if f.workers < 1 || f.workers > maxWorkers {
		return fmt.Errorf("--workers must be between 1 and %d, got %d", maxWorkers, f.workers)
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
// because no file was named, "posts.txt:3" in a named file ("-:3" on
// standard input named "-").
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
	// name is the file name: "-" for standard input named so, "" for
	// standard input read because no file was named.
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

// Lines travel to the workers in batches, so that the cost of passing one
// (channel operations, a goroutine switch) is shared by many short posts: a
// batch ends after batchLines lines or batchBytes bytes, and whenever the
// input has nothing more buffered, so no line waits for later input.
const (
	batchLines = 64
	batchBytes = 64 << 10
)

// job is a batch of input lines on its way through the workers.
type job struct {
	lines []line
	// fatal, a read error, ends the run instead of being answered.
	fatal error
	// drain marks a batch that ends what was buffered from an input that
	// is not a regular file: its answers are flushed at once.
	drain bool
	out   []byte
	done  chan struct{}
}

// line is one input line.
type line struct {
	at   place
	text string
	// tooLong marks a line over --max-bytes, answered with an error.
	tooLong bool
}

// answerLines answers every line of srcs with exactly one record on stdout,
// in input order, computed by f.workers goroutines: answer(at, line) for each
// line, a record.ErrorOutput for a line over f.maxBytes. Records are JSON objects,
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
	// At most workers+1 batches are in flight: workers queued, one awaited.
	order := make(chan *job, f.workers)
	var read atomic.Int64
	go readJobs(srcs, f.maxBytes, work, order, stop, &read)
	for range f.workers {
		go func() {
			enc := newEncoder(f.maxBytes, answer, write)
			for j := range work {
				j.out = enc.records(j.lines)
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
		prog.add(len(j.lines))
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

// readJobs reads the lines of srcs into batches, sending each to order (in
// input order) and, unless it ends the run, to work. It stops at the first
// read error or when stop is closed.
func readJobs(srcs []source, max int, work, order chan<- *job, stop <-chan struct{}, read *atomic.Int64) {
	defer close(order)
	defer close(work)
	send := func(j *job) bool {
		chans := []chan<- *job{order, work}
		if j.fatal != nil {
			chans = chans[:1] // a read error is not worked on
		}
		for _, ch := range chans {
			select {
			case ch <- j:
			case <-stop:
				return false
			}
		}
		return true
	}
	for _, s := range srcs {
		if err := readSource(s, max, send, read); err != nil {
			if !errors.Is(err, errStopped) {
				send(&job{fatal: err, done: closed})
			}
			return
		}
	}
}

// closed is a closed channel: the done of a job nobody works on.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// readSource reads the lines of one input into batches. It returns the
// error that ends the run, or errStopped when the run was stopped.
func readSource(s source, max int, send func(*job) bool, read *atomic.Int64) error {
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
	j, size := &job{done: make(chan struct{})}, 0
	for n := 1; ; n++ {
		text, err := lines.next()
		read.Add(lines.read)
		lines.read = 0
		if err != nil && !errors.Is(err, errLineTooLong) {
			if len(j.lines) > 0 && !send(j) {
				return errStopped
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading %s: %w", place{s.name, n}, err)
		}
		j.lines = append(j.lines, line{at: place{s.name, n}, text: text, tooLong: err != nil})
		size += len(text)
		if drained := lines.drained(); drained || len(j.lines) == batchLines || size >= batchBytes {
			j.drain = drained && !s.regular
			if !send(j) {
				return errStopped
			}
			j, size = &job{done: make(chan struct{})}, 0
		}
	}
}

// errStopped ends the reading of a run that was stopped.
var errStopped = errors.New("stopped")

// encoder answers the lines of a batch; each worker has its own.
type encoder struct {
	max    int
	answer func(place, string) any
	write  func(io.Writer, place, any)
	buf    bytes.Buffer
	json   *json.Encoder
}

func newEncoder(max int, answer func(place, string) any, write func(io.Writer, place, any)) *encoder {
	e := &encoder{max: max, answer: answer, write: write}
	e.json = json.NewEncoder(&e.buf)
	e.json.SetEscapeHTML(false)
	return e
}

// records returns the records of lines, one after the other.
func (e *encoder) records(lines []line) []byte {
	e.buf.Reset()
	for _, l := range lines {
		var rec any
		if l.tooLong {
			rec = record.ErrorOutput{Error: fmt.Sprintf("%s: longer than %d bytes (--max-bytes)", l.at, e.max)}
		} else {
			rec = e.answer(l.at, l.text)
		}
		if e.write != nil {
			e.write(&e.buf, l.at, rec)
			continue
		}
		mark := e.buf.Len()
		if err := e.json.Encode(rec); err != nil {
			e.buf.Truncate(mark)
			e.json.Encode(record.ErrorOutput{Error: fmt.Sprintf("%s: encoding the answer: %v", l.at, err)})
		}
	}
	return bytes.Clone(e.buf.Bytes())
}
