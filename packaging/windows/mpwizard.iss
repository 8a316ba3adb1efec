; Inno Setup script: per-user install (no admin rights), Start menu entry, uninstaller,
; .mpwiz association with icon, version resource. Built on a Windows runner by
; .github/workflows/installers.yml after PyInstaller made build\dist\mpwizard.
; Compile: iscc /DAppVersion=0.1.0 packaging\windows\mpwizard.iss

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Marketplace Image Wizard"
#define AppExe "mpwizard.exe"

[Setup]
AppId={{8C3E4B7A-2F41-4C5E-9D7B-6A1F0E2D9B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Marketplace Image Wizard team
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={localappdata}\Programs\mpwizard
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
OutputDir=..\..\build\installer
OutputBaseFilename=mpwizard-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\mpwizard.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"

[Files]
Source: "..\..\build\dist\mpwizard\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\build\icons\mpwizard.ico"; DestDir: "{app}"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"

[Registry]
; Per-user file association: HKCU\Software\Classes (HKA picks HKCU for a per-user install).
Root: HKA; Subkey: "Software\Classes\.mpwiz"; ValueType: string; ValueName: ""; ValueData: "mpwizard.project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\mpwizard.project"; ValueType: string; ValueName: ""; ValueData: "Marketplace Image Wizard project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\mpwizard.project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\mpwizard.ico,0"
Root: HKA; Subkey: "Software\Classes\mpwizard.project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
