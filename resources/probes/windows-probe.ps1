# mpwizard Windows probe: gathers the evidence for the Windows certification test cases, read-only.
# It changes nothing on the VM. One JSON object per line, one line per section:
#   {"section":"<name>","data":{...}}   or   {"section":"<name>","error":"<message>"}
# and a last {"section":"end"} line, so a dropped connection still leaves whole sections.
# Needs PowerShell 3.0 or later (ConvertTo-Json). Runs over WinRM (PSRP) or OpenSSH.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Emit([string]$Name, [scriptblock]$Gather) {
    try {
        $record = [ordered]@{ section = $Name; data = (& $Gather) }
    } catch {
        $record = [ordered]@{ section = $Name; error = $_.Exception.Message }
    }
    $record | ConvertTo-Json -Depth 6 -Compress
}

Emit 'os' {
    $os = Get-CimInstance Win32_OperatingSystem
    [ordered]@{ Caption = $os.Caption; Version = $os.Version; BuildNumber = $os.BuildNumber
                OSArchitecture = $os.OSArchitecture; SystemDrive = $env:SystemDrive }
}

Emit 'admin' {
    $principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
    [ordered]@{ IsAdmin = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
                User = [Security.Principal.WindowsIdentity]::GetCurrent().Name }
}

Emit 'features' {
    Import-Module ServerManager
    [ordered]@{ Installed = @(Get-WindowsFeature | Where-Object { $_.Installed } | ForEach-Object { $_.Name }) }
}

Emit 'ipv6' {
    $bindings = @(Get-NetAdapterBinding -ComponentID ms_tcpip6 | Where-Object { $_.Enabled } | ForEach-Object { $_.Name })
    $key = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' -ErrorAction SilentlyContinue
    [ordered]@{ EnabledOn = $bindings; DisabledComponents = $key.DisabledComponents }
}

Emit 'bitlocker' {
    $volumes = @(Get-CimInstance -Namespace 'root/cimv2/security/microsoftvolumeencryption' -ClassName Win32_EncryptableVolume |
        ForEach-Object { [ordered]@{ DriveLetter = $_.DriveLetter; ProtectionStatus = [int]$_.ProtectionStatus } })
    [ordered]@{ Volumes = $volumes }
}

Emit 'rdp' {
    $ts = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
    [ordered]@{ fDenyTSConnections = [int]$ts.fDenyTSConnections; ServiceStartMode = (Get-CimInstance Win32_Service -Filter "Name='TermService'").StartMode }
}

Emit 'updates' {
    $searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
    $found = $searcher.Search("IsInstalled=0 and IsHidden=0 and Type='Software'")
    [ordered]@{ Pending = @($found.Updates | ForEach-Object {
        [ordered]@{ Title = $_.Title; MsrcSeverity = $_.MsrcSeverity; KBs = @($_.KBArticleIDs) } }) }
}

Emit 'srv' {
    $path = Join-Path $env:windir 'System32\drivers\srv.sys'
    if (Test-Path $path) {
        $v = (Get-Item $path).VersionInfo
        [ordered]@{ Present = $true; FileVersion = ('{0}.{1}.{2}.{3}' -f $v.FileMajorPart, $v.FileMinorPart, $v.FileBuildPart, $v.FilePrivatePart) }
    } else {
        [ordered]@{ Present = $false; FileVersion = '' }
    }
}

Emit 'sql' {
    $names = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Microsoft SQL Server\Instance Names\SQL' -ErrorAction SilentlyContinue
    $instances = @()
    if ($names) { $instances = @($names.PSObject.Properties | Where-Object { $_.Name -notlike 'PS*' } | ForEach-Object { $_.Name }) }
    $services = @(Get-CimInstance Win32_Service | Where-Object { $_.Name -eq 'MSSQLSERVER' -or $_.Name -like 'MSSQL$*' } | ForEach-Object { $_.Name })
    [ordered]@{ Instances = $instances; Services = $services }
}

Emit 'sysprep' {
    $state = Get-ItemProperty 'HKLM:\SYSTEM\Setup\Status\SysprepStatus' -ErrorAction SilentlyContinue
    [ordered]@{ GeneralizationState = $state.GeneralizationState }
}

Emit 'disk' {
    $letter = $env:SystemDrive.TrimEnd(':')
    [ordered]@{ OsDiskBytes = [int64](Get-Partition -DriveLetter $letter | Get-Disk).Size }
}

Emit 'accounts' {
    $services = @(Get-CimInstance Win32_Service | Where-Object { $_.StartName -match '(^|\\)Administrator$' } |
        ForEach-Object { [ordered]@{ Name = $_.Name; StartName = $_.StartName } })
    $tasks = @(Get-ScheduledTask | Where-Object { $_.Principal.UserId -match '(^|\\)Administrator$' } |
        ForEach-Object { [ordered]@{ TaskPath = $_.TaskPath; TaskName = $_.TaskName; UserId = $_.Principal.UserId } })
    [ordered]@{ Services = $services; Tasks = $tasks }
}

Emit 'tasks' {
    [ordered]@{ Tasks = @(Get-ScheduledTask | Where-Object { $_.TaskPath -notlike '\Microsoft\*' } | ForEach-Object {
        [ordered]@{ TaskPath = $_.TaskPath; TaskName = $_.TaskName; State = [string]$_.State
                    Triggers = @($_.Triggers | ForEach-Object { $_.CimClass.CimClassName })
                    Actions = @($_.Actions | ForEach-Object { [ordered]@{ Execute = $_.Execute; Arguments = $_.Arguments; WorkingDirectory = $_.WorkingDirectory } }) } }) }
}

'{"section":"end"}'
