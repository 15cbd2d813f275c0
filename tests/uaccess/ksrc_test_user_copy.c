#include "lib/test_user_copy.c"
