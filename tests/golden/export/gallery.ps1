# Create a test VM from each SKU's VHD blobs: a managed image (x64 Gen1 from SAS URIs), or an Azure
# Compute Gallery image version (Gen2, Arm64, Trusted Launch, a gallery source) -- the guide's step 4
# with today's Azure CLI, from PowerShell. Made by mpwizard 0.1.0.
# Set the variables below first; no secret is written into this file.
$ErrorActionPreference = 'Stop'
if (-not $env:RESOURCE_GROUP) { throw 'Set $env:RESOURCE_GROUP to the resource group of the storage account' }
if (-not $env:LOCATION) { throw 'Set $env:LOCATION to the storage account region, e.g. westus' }
if (-not $env:ADMIN_USERNAME) { $env:ADMIN_USERNAME = 'azureuser' }
if (-not $env:STORAGE_ACCOUNT) { $env:STORAGE_ACCOUNT = 'contosovhds' }
if (-not $env:GALLERY_NAME) { throw 'Set $env:GALLERY_NAME to the Azure Compute Gallery to create the image versions in' }
if (-not $env:SUBSCRIPTION_ID) { throw 'Set $env:SUBSCRIPTION_ID to the subscription of the gallery' }

# SKU ubuntu-standard 1.0.0
az provider register `
  --namespace 'Microsoft.PartnerCenterIngestion'
if ($LASTEXITCODE -ne 0) { throw 'az provider register failed' }
az sig create `
  --resource-group 'images-rg' `
  --gallery-name 'contoso_gallery' `
  --location $env:LOCATION
if ($LASTEXITCODE -ne 0) { throw 'az sig create failed' }
az sig image-definition create `
  --resource-group 'images-rg' `
  --gallery-name 'contoso_gallery' `
  --gallery-image-definition 'web-gen2' `
  --publisher 'contoso' `
  --offer 'web-appliance' `
  --sku 'ubuntu-standard' `
  --os-type 'Linux' `
  --os-state 'Generalized' `
  --hyper-v-generation 'V2' `
  --architecture 'x64' `
  --features 'SecurityType=TrustedLaunch'
if ($LASTEXITCODE -ne 0) { throw 'az sig image-definition create failed' }
az sig image-version create `
  --resource-group 'images-rg' `
  --gallery-name 'contoso_gallery' `
  --gallery-image-definition 'web-gen2' `
  --gallery-image-version '1.0.0' `
  --location $env:LOCATION `
  --os-vhd-uri 'https://contosovhds.blob.core.windows.net/vhds/os.vhd' `
  --os-vhd-storage-account $env:STORAGE_ACCOUNT `
  --data-vhds-uris 'https://contosovhds.blob.core.windows.net/vhds/logs.vhd' 'https://contosovhds.blob.core.windows.net/vhds/db.vhd' `
  --data-vhds-luns '0' '1' `
  --data-vhds-storage-accounts $env:STORAGE_ACCOUNT $env:STORAGE_ACCOUNT
if ($LASTEXITCODE -ne 0) { throw 'az sig image-version create failed' }
az vm create `
  --resource-group $env:RESOURCE_GROUP `
  --location $env:LOCATION `
  --name 'ubuntu-standard-x64gen2-test' `
  --image '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/images-rg/providers/Microsoft.Compute/galleries/contoso_gallery/images/web-gen2/versions/1.0.0' `
  --security-type 'TrustedLaunch' `
  --enable-secure-boot 'true' `
  --enable-vtpm 'true' `
  --admin-username $env:ADMIN_USERNAME `
  --size 'Standard_D2s_v5' `
  --generate-ssh-keys
if ($LASTEXITCODE -ne 0) { throw 'az vm create failed' }
az sig create `
  --resource-group $env:RESOURCE_GROUP `
  --gallery-name $env:GALLERY_NAME `
  --location $env:LOCATION
if ($LASTEXITCODE -ne 0) { throw 'az sig create failed' }
az sig image-definition create `
  --resource-group $env:RESOURCE_GROUP `
  --gallery-name $env:GALLERY_NAME `
  --gallery-image-definition 'ubuntu-standard-arm64' `
  --publisher 'contoso' `
  --offer 'web-appliance' `
  --sku 'ubuntu-standard-arm64' `
  --os-type 'Linux' `
  --os-state 'Generalized' `
  --hyper-v-generation 'V2' `
  --architecture 'Arm64'
if ($LASTEXITCODE -ne 0) { throw 'az sig image-definition create failed' }
az sig image-version create `
  --resource-group $env:RESOURCE_GROUP `
  --gallery-name $env:GALLERY_NAME `
  --gallery-image-definition 'ubuntu-standard-arm64' `
  --gallery-image-version '1.0.0' `
  --location $env:LOCATION `
  --os-vhd-uri 'https://contosovhds.blob.core.windows.net/vhds/arm-os.vhd' `
  --os-vhd-storage-account $env:STORAGE_ACCOUNT
if ($LASTEXITCODE -ne 0) { throw 'az sig image-version create failed' }
az vm create `
  --resource-group $env:RESOURCE_GROUP `
  --location $env:LOCATION `
  --name 'ubuntu-standard-arm64gen2-test' `
  --image ('/subscriptions/' + $env:SUBSCRIPTION_ID + '/resourceGroups/' + $env:RESOURCE_GROUP + '/providers/Microsoft.Compute/galleries/' + $env:GALLERY_NAME + '/images/ubuntu-standard-arm64/versions/1.0.0') `
  --admin-username $env:ADMIN_USERNAME `
  --size 'Standard_D2ps_v5' `
  --generate-ssh-keys
if ($LASTEXITCODE -ne 0) { throw 'az vm create failed' }

