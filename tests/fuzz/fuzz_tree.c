/* libFuzzer target: any bytes, as a tree file, are loaded and validated
 * without a crash, a leak or a hang. Built and run by `make fuzz`. */
#include <config.h>

#include <stdint.h>

#include "tree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tree_set set = { 0 };
	if (tree_set_add_buffer(&set, "fuzz.yaml", (const char *)data, size, NULL) == 0)
		tree_set_resolve(&set, NULL);
	tree_set_clear(&set);
	return 0;
}
