"""Marketplace Image Wizard: prepare and submit a VM image to Azure Marketplace."""

__version__ = "0.1.0"
APP_NAME = "mpwizard"
APP_DISPLAY_NAME = "Marketplace Image Wizard"
ORGANIZATION = "mpwizard"
