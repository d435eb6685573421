Authentication-Results: spf=pass (sender IP is 94.100.181.251)
 smtp.mailfrom=mail.ru; dkim=pass (signature was verified)
 header.d=mail.ru;dmarc=pass action=none header.from=mail.ru;compauth=pass
 reason=100
From: <alice@mail.ru>
To: <alice@hotmail.com>
