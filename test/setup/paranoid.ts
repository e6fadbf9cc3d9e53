// The project's own tests run paranoid: every write is validated, kubesim's own controllers' and
// kubelets' too, so a trusted write that would be invalid fails a test instead of slipping through
// (issue: "the whole suite passes with paranoid: true"). Benchmarks and users run without it.
import { setParanoidByDefault } from '@kubesim/core';

setParanoidByDefault(true);
