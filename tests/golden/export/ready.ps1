# Create a test VM from each SKU's VHD blobs: a managed image (x64 Gen1 from SAS URIs), or an Azure
# Compute Gallery image version (Gen2, Arm64, Trusted Launch, a gallery source) -- the guide's step 4
# with today's Azure CLI, from PowerShell. Made by mpwizard 0.1.0.
# Set the variables below first; no secret is written into this file.
$ErrorActionPreference = 'Stop'
if (-not $env:RESOURCE_GROUP) { throw 'Set $env:RESOURCE_GROUP to the resource group of the storage account' }
if (-not $env:LOCATION) { throw 'Set $env:LOCATION to the storage account region, e.g. westus' }
if (-not $env:ADMIN_USERNAME) { $env:ADMIN_USERNAME = 'azureuser' }

# SKU ubuntu-standard 1.0.0
az image create `
  --resource-group $env:RESOURCE_GROUP `
  --location $env:LOCATION `
  --name 'ubuntu-standard-1.0.0' `
  --os-type 'Linux' `
  --hyper-v-generation 'V1' `
  --source 'https://contosovhds.blob.core.windows.net/vhds/os.vhd' `
  --data-disk-sources 'https://contosovhds.blob.core.windows.net/vhds/logs.vhd' 'https://contosovhds.blob.core.windows.net/vhds/db.vhd'
if ($LASTEXITCODE -ne 0) { throw 'az image create failed' }
az vm create `
  --resource-group $env:RESOURCE_GROUP `
  --location $env:LOCATION `
  --name 'ubuntu-standard-test' `
  --image 'ubuntu-standard-1.0.0' `
  --admin-username $env:ADMIN_USERNAME `
  --size 'Standard_D1_v2' `
  --generate-ssh-keys
if ($LASTEXITCODE -ne 0) { throw 'az vm create failed' }

