Authentication-Results: spf=pass (sender IP is 17.57.155.16)
 smtp.mailfrom=icloud.com; dkim=pass (signature was verified)
 header.d=icloud.com;dmarc=pass action=none
 header.from=icloud.com;compauth=pass reason=100
From: <alice@icloud.com>
To: <alice@outlook.com>
