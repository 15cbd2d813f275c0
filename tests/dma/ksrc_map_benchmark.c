#include "kernel/dma/map_benchmark.c"
