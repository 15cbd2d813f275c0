/* placeholder: the memory benchmarks */
int main(void)
{
	return 0;
}
