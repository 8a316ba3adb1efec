# mpwizard Windows probe: gathers the evidence for the Windows certification test cases, read-only.
# It changes nothing on the VM. One JSON object per line, one line per section:
#   {"section":"<name>","data":{...}}   or   {"section":"<name>","error":"<message>",...}
# and a last {"section":"end"} line, so a dropped connection still leaves whole sections.
# Needs PowerShell 3.0 or later (ConvertTo-Json). Runs over WinRM (PSRP) or OpenSSH.
#
# Rules this script keeps (issue #24):
# - Every line is pure ASCII: non-ASCII characters are written as \uXXXX, so the console code page
#   (CP932 on Japanese Windows) cannot change a byte of it on any transport.
# - Nothing is compared with text Windows localizes (OSArchitecture is "64 bits" in French, and
#   Japanese in Japanese Windows): the architecture, services, tasks, firewall rules and BitLocker are read as numbers,
#   SIDs and fixed identifiers.
# - Every section stands alone, and none needs the modules Windows Server 2012 added (NetAdapter,
#   Storage, ScheduledTasks): each has a fallback that exists on 2008 R2 with WMF 3-5.1.
# - The Windows Update search comes last, within its own time budget ($UpdateSearchSeconds, set
#   by the client in front of this script), so a slow or refused search loses nothing else.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if (-not $UpdateSearchSeconds) { $UpdateSearchSeconds = 600 }

function ConvertTo-AsciiJson($Value) {
    $json = $Value | ConvertTo-Json -Depth 6 -Compress
    [regex]::Replace($json, '[^\x00-\x7F]', { param($m) '\u{0:x4}' -f [int][char]$m.Value })
}

function Get-ErrorRecordFacts($Record) {
    # The message is localized; the kind, the missing command and the HRESULT are not.
    $facts = [ordered]@{ error = $Record.Exception.Message; kind = $Record.Exception.GetType().FullName }
    if ($Record.Exception -is [System.Management.Automation.CommandNotFoundException]) {
        $facts.kind = 'command-not-found'
        $facts.command = $Record.Exception.CommandName
    }
    $inner = $Record.Exception
    while ($inner.InnerException) { $inner = $inner.InnerException }
    if ($inner -is [System.Runtime.InteropServices.COMException]) { $facts.hresult = '0x{0:X8}' -f $inner.ErrorCode }
    $facts
}

function Emit([string]$Name, [scriptblock]$Gather) {
    try {
        $record = [ordered]@{ section = $Name; data = (& $Gather) }
    } catch {
        $record = [ordered]@{ section = $Name }
        $facts = Get-ErrorRecordFacts $_
        foreach ($key in $facts.Keys) { $record[$key] = $facts[$key] }
    }
    ConvertTo-AsciiJson $record
}

function Test-Command([string]$Name) { [bool](Get-Command $Name -ErrorAction SilentlyContinue) }

Emit 'os' {
    $os = Get-CimInstance Win32_OperatingSystem
    # A 32-bit PowerShell on a 64-bit Windows sees x86 in PROCESSOR_ARCHITECTURE and the truth in ...W6432.
    $arch = if ($env:PROCESSOR_ARCHITEW6432) { $env:PROCESSOR_ARCHITEW6432 } else { $env:PROCESSOR_ARCHITECTURE }
    [ordered]@{ Caption = $os.Caption; Version = $os.Version; BuildNumber = $os.BuildNumber
                Is64BitOperatingSystem = [Environment]::Is64BitOperatingSystem; ProcessorArchitecture = $arch
                OSArchitecture = $os.OSArchitecture; OSLanguage = $os.OSLanguage; SystemDrive = $env:SystemDrive
                PSVersion = $PSVersionTable.PSVersion.ToString() }
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
    $key = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' -ErrorAction SilentlyContinue
    $disabled = $null
    if ($null -ne $key.DisabledComponents) {
        # A REG_DWORD reads as a signed Int32 (0xFFFFFFFF is -1): write it unsigned.
        $disabled = [Convert]::ToUInt32(('{0:X8}' -f [int]$key.DisabledComponents), 16)
    }
    if (Test-Command 'Get-NetAdapterBinding') {
        $bound = @(Get-NetAdapterBinding -ComponentID ms_tcpip6 | Where-Object { $_.Enabled } | ForEach-Object { $_.Name })
        $source = 'Get-NetAdapterBinding'
    } else {
        # 2008 R2 has no NetAdapter module: .NET says which interfaces have IPv6 (GetAdaptersAddresses' Ipv6IfIndex).
        $bound = @([System.Net.NetworkInformation.NetworkInterface]::GetAllNetworkInterfaces() |
            Where-Object { $_.NetworkInterfaceType -ne 'Loopback' -and $_.NetworkInterfaceType -ne 'Tunnel' -and
                           $_.Supports([System.Net.NetworkInformation.NetworkInterfaceComponent]::IPv6) } |
            ForEach-Object { $_.Name })
        $source = 'NetworkInterface'
    }
    [ordered]@{ EnabledOn = $bound; DisabledComponents = $disabled; Source = $source }
}

Emit 'bitlocker' {
    # Win32_EncryptableVolume exists only when the BitLocker feature is installed: ask for its namespace first.
    $namespace = @(Get-CimInstance -Namespace 'root/cimv2/Security' -ClassName __NAMESPACE -ErrorAction SilentlyContinue |
        Where-Object { $_.Name -eq 'MicrosoftVolumeEncryption' })
    if (-not $namespace) { return [ordered]@{ Installed = $false; Volumes = @() } }
    $volumes = @(Get-CimInstance -Namespace 'root/cimv2/Security/MicrosoftVolumeEncryption' -ClassName Win32_EncryptableVolume |
        ForEach-Object {
            $volume = $_  # $_ is the error record inside the catch below
            $conversion = $null; $percent = $null
            try {
                $status = Invoke-CimMethod -InputObject $volume -MethodName GetConversionStatus
                if ($status.ReturnValue -eq 0) { $conversion = [int]$status.ConversionStatus; $percent = [int]$status.EncryptionPercentage }
            } catch { }
            [ordered]@{ DriveLetter = $volume.DriveLetter; ProtectionStatus = [int]$volume.ProtectionStatus
                        ConversionStatus = $conversion; EncryptionPercentage = $percent } })
    [ordered]@{ Installed = $true; Volumes = $volumes }
}

Emit 'rdp' {
    $ts = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server'
    # The Group Policy copy overrides the setting when it is there.
    $policy = Get-ItemProperty 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services' -ErrorAction SilentlyContinue
    $tcp = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp' -ErrorAction SilentlyContinue
    $port = if ($tcp.PortNumber) { [int]$tcp.PortNumber } else { 3389 }
    # HNetCfg.FwPolicy2 exists on every version; rule names are localized, the group's resource id is not.
    $fw = New-Object -ComObject HNetCfg.FwPolicy2
    $enabled = [ordered]@{ Domain = [bool]$fw.FirewallEnabled(1); Private = [bool]$fw.FirewallEnabled(2); Public = [bool]$fw.FirewallEnabled(4) }
    $rules = @($fw.Rules | Where-Object { $_.Direction -eq 1 -and $_.Protocol -eq 6 -and
                                          ($_.Grouping -eq '@FirewallAPI.dll,-28752' -or ($_.LocalPorts -split ',') -contains "$port") } |
        ForEach-Object { [ordered]@{ Name = $_.Name; Grouping = $_.Grouping; Enabled = [bool]$_.Enabled; Action = [int]$_.Action
                                     Profiles = [int]$_.Profiles; LocalPorts = $_.LocalPorts } })
    $policyDeny = $null
    if ($null -ne $policy.fDenyTSConnections) { $policyDeny = [int]$policy.fDenyTSConnections }
    [ordered]@{ fDenyTSConnections = [int]$ts.fDenyTSConnections; PolicyDenyTSConnections = $policyDeny
                ServiceStartMode = (Get-CimInstance Win32_Service -Filter "Name='TermService'").StartMode
                Port = $port; FirewallEnabled = $enabled; FirewallRules = $rules }
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
    $setup = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Setup\State' -ErrorAction SilentlyContinue
    # Sysprep logs its generalize pass under System32\Sysprep\Panther (Microsoft's "Sysprep log files").
    $log = Join-Path $env:windir 'System32\Sysprep\Panther\setupact.log'
    $logged = (Test-Path $log) -and [bool](Select-String -Path $log -Pattern 'generalize' -SimpleMatch -Quiet)
    [ordered]@{ GeneralizationState = $state.GeneralizationState; CleanupState = $state.CleanupState
                ImageState = $setup.ImageState; SysprepLogged = $logged }
}

Emit 'disk' {
    $letter = $env:SystemDrive.TrimEnd(':')
    if (Test-Command 'Get-Partition') {
        [ordered]@{ OsDiskBytes = [int64](Get-Partition -DriveLetter $letter | Get-Disk).Size; Source = 'Get-Disk' }
    } else {
        # 2008 R2 has no Storage module: the drive's partition and its disk through the Win32 classes.
        $partition = @(Get-CimInstance -Query "ASSOCIATORS OF {Win32_LogicalDisk.DeviceID='${letter}:'} WHERE AssocClass=Win32_LogicalDiskToPartition")[0]
        $drive = @(Get-CimInstance -Query "ASSOCIATORS OF {Win32_DiskPartition.DeviceID='$($partition.DeviceID)'} WHERE AssocClass=Win32_DiskDriveToDiskPartition")[0]
        [ordered]@{ OsDiskBytes = [int64]$drive.Size; Source = 'Win32_DiskDrive' }
    }
}

Emit 'accounts' {
    # The built-in administrator by its SID (...-500): its name is localized on some languages and may be renamed.
    $names = @('Administrator') + @(Get-CimInstance Win32_UserAccount -Filter 'LocalAccount=True' |
        Where-Object { $_.SID -like 'S-1-5-21-*-500' } | ForEach-Object { $_.Name })
    $services = @(Get-CimInstance Win32_Service | Where-Object { $svc = $_; $names | Where-Object { "$($svc.StartName)" -match ('(^|\\)' + [regex]::Escape($_) + '$') } } |
        ForEach-Object { [ordered]@{ Name = $_.Name; StartName = $_.StartName } })
    [ordered]@{ Services = $services; AdministratorNames = @($names | Select-Object -Unique) }
}

Emit 'tasks' {
    # The Task Scheduler's COM API exists on every version (Get-ScheduledTask only from 2012).
    $scheduler = New-Object -ComObject Schedule.Service
    $scheduler.Connect()
    $folders = New-Object System.Collections.Queue
    $folders.Enqueue($scheduler.GetFolder('\'))
    $tasks = New-Object System.Collections.ArrayList
    while ($folders.Count) {
        $folder = $folders.Dequeue()
        foreach ($sub in @($folder.GetFolders(0))) { $folders.Enqueue($sub) }
        foreach ($task in @($folder.GetTasks(1))) {  # 1: hidden tasks too
            $definition = $task.Definition
            $user = $definition.Principal.UserId
            $taskPath = $task.Path.Substring(0, $task.Path.Length - $task.Name.Length)
            if ($taskPath -like '\Microsoft\*' -and "$user" -notmatch '(^|\\)Administrator$') { continue }
            [void]$tasks.Add([ordered]@{ TaskPath = $taskPath; TaskName = $task.Name; State = [int]$task.State; UserId = $user
                Triggers = @($definition.Triggers | ForEach-Object { [int]$_.Type })
                Actions = @($definition.Actions | ForEach-Object {
                    if ($_.Type -eq 0) { [ordered]@{ Execute = $_.Path; Arguments = $_.Arguments; WorkingDirectory = $_.WorkingDirectory } }
                    else { [ordered]@{ Type = [int]$_.Type } } }) })
        }
    }
    [ordered]@{ Tasks = @($tasks); Source = 'Schedule.Service' }
}

Emit 'updates' {
    # In a runspace of its own, so the search gets its own time budget and cannot hold the whole run.
    $search = [powershell]::Create()
    [void]$search.AddScript({
        try {
            $searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
            $found = $searcher.Search("IsInstalled=0 and IsHidden=0 and Type='Software'")
            [ordered]@{ Pending = @($found.Updates | ForEach-Object {
                [ordered]@{ Title = $_.Title; MsrcSeverity = $_.MsrcSeverity; KBs = @($_.KBArticleIDs) } }) }
        } catch {
            $inner = $_.Exception
            while ($inner.InnerException) { $inner = $inner.InnerException }
            $code = if ($inner -is [System.Runtime.InteropServices.COMException]) { '0x{0:X8}' -f $inner.ErrorCode } else { '' }
            [ordered]@{ Failed = $_.Exception.Message; HResult = $code }
        }
    })
    $running = $search.BeginInvoke()
    if (-not $running.AsyncWaitHandle.WaitOne([int]$UpdateSearchSeconds * 1000)) {
        [void]$search.BeginStop($null, $null)
        throw (New-Object System.TimeoutException ("the Windows Update search did not finish within {0} s" -f $UpdateSearchSeconds))
    }
    $answer = @($search.EndInvoke($running))[0]
    if ($null -eq $answer) { throw 'the Windows Update search gave no answer' }
    if ($answer.Contains('Failed')) {
        if ($answer.HResult) { throw (New-Object System.Runtime.InteropServices.COMException ($answer.Failed, [Convert]::ToInt32($answer.HResult, 16))) }
        throw $answer.Failed
    }
    $answer
}

'{"section":"end"}'
