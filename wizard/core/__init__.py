"""The Qt-free core: project model, profiles, VHD inspection, credentials.

Nothing in this package may import Qt: the command line uses it directly and
must start fast, and the wizard pages stay thin by calling it.
"""
