/* The native limit: md4c-html timed in-process, driven over stdin by bench/engines.mjs.
 *
 * Protocol (one request per line, one JSON answer per line, so the Node harness can
 * interleave this engine with the others without paying process start-up per cell):
 *   in:  "<batch> <milliseconds> <path>\n"
 *   out: {"bytes":N,"htmlBytes":M,"samples":[ms per doc of each batch, ...]}
 * A batch renders the document <batch> times back to back; the run repeats batches
 * until <milliseconds> have passed. The HTML goes into one reused buffer, the same
 * work a wasm engine does before handing a string back.
 *
 * Built by bench/run.sh straight from the pinned md4c sources that CMake extracted
 * (build/native/_deps/md4c): cc -O2 -DNDEBUG md4c_bench.c md4c.c md4c-html.c entity.c
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "md4c-html.h"

/* The flags Draftmark's gfm mode passes to md_parse (wasm/src/api/document.cpp). */
#define BENCH_PARSER_FLAGS (MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS)

typedef struct {
  char* data;
  size_t size;
  size_t capacity;
} Buffer;

static void buffer_append(const MD_CHAR* text, MD_SIZE size, void* userdata) {
  Buffer* out = (Buffer*)userdata;
  if (out->size + size > out->capacity) {
    size_t grown = out->capacity ? out->capacity : 4096;
    while (grown < out->size + size) grown *= 2;
    char* data = (char*)realloc(out->data, grown);
    if (data == NULL) { fputs("md4c_bench: out of memory\n", stderr); exit(1); }
    out->data = data;
    out->capacity = grown;
  }
  memcpy(out->data + out->size, text, size);
  out->size += size;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static char* read_file(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  if (file == NULL) return NULL;
  fseek(file, 0, SEEK_END);
  long length = ftell(file);
  fseek(file, 0, SEEK_SET);
  char* data = (char*)malloc(length > 0 ? (size_t)length : 1);
  *size = data ? fread(data, 1, (size_t)length, file) : 0;
  fclose(file);
  return data;
}

int main(void) {
  Buffer out = {NULL, 0, 0};
  char line[4096];
  char path[4000];
  while (fgets(line, sizeof line, stdin) != NULL) {
    long batch = 0;
    double budget_ms = 0;
    if (sscanf(line, "%ld %lf %3999[^\n]", &batch, &budget_ms, path) != 3 || batch < 1) {
      printf("{\"error\":\"bad request\"}\n");
      fflush(stdout);
      continue;
    }
    size_t size = 0;
    char* input = read_file(path, &size);
    if (input == NULL) {
      printf("{\"error\":\"cannot read %s\"}\n", path);
      fflush(stdout);
      continue;
    }
    printf("{\"bytes\":%zu", size);
    const double start = now_ms();
    int first = 1;
    do {
      const double batch_start = now_ms();
      for (long i = 0; i < batch; i++) {
        out.size = 0;
        if (md_html(input, (MD_SIZE)size, buffer_append, &out, BENCH_PARSER_FLAGS, 0) != 0) {
          fputs("md4c_bench: md_html failed\n", stderr);
          return 1;
        }
      }
      const double per_doc = (now_ms() - batch_start) / (double)batch;
      if (first) printf(",\"htmlBytes\":%zu,\"samples\":[", out.size);
      printf(first ? "%.6f" : ",%.6f", per_doc);
      first = 0;
    } while (now_ms() - start < budget_ms);
    printf("]}\n");
    fflush(stdout);
    free(input);
  }
  free(out.data);
  return 0;
}
