"""Every Python process a mutation run's tests start (the CLI in a subprocess) imports the same mutant."""

import mutation_loader

mutation_loader.install()
